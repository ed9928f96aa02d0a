import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@linli/platform';
import { TRANSLATED_CONSTRAINTS, translateConstraint } from './constraint-errors';

/** A driver error as pg (and MikroORM's exceptions, which copy its fields) carries it. */
const pgError = (code: string, constraint?: string) =>
  Object.assign(new Error(`violates ${constraint ?? 'something'}`), { code, constraint });

const codeOf = (error: unknown) => (error instanceof DomainError ? error.code : 'unchanged');

describe('translateConstraint', () => {
  it.each([
    [
      'a second active claim of a person on a shift',
      '23505',
      'claim_one_active_per_person_and_shift',
      'ALREADY_CLAIMED',
    ],
    ['overlapping confirmed claims of a person', '23P01', 'claim_no_overlapping_confirmed', 'CLAIM_OVERLAPS'],
    ['more places taken than the shift has', '23514', 'shift_counts_within_capacity', 'SHIFT_FULL'],
    [
      'a second active reservation of an organisation',
      '23505',
      'organisation_reservation_one_active',
      'ALREADY_EXISTS',
    ],
    ['more assigned than reserved places', '23514', 'reservation_assigned_within_places', 'RESERVATION_FULL'],
  ])('answers %s by the constraint name', (_scenario, sqlState, constraint, expected) => {
    expect(codeOf(translateConstraint(pgError(sqlState, constraint)))).toBe(expected);
  });

  it('tells two unique guards apart that share a SQLSTATE', () => {
    const claim = translateConstraint(pgError('23505', 'claim_one_active_per_person_and_shift'));
    const reservation = translateConstraint(pgError('23505', 'organisation_reservation_one_active'));
    expect([codeOf(claim), codeOf(reservation)]).toEqual(['ALREADY_CLAIMED', 'ALREADY_EXISTS']);
  });

  it('falls back to the SQLSTATE for a guard it does not know by name', () => {
    expect(codeOf(translateConstraint(pgError('23505', 'some_new_unique')))).toBe('ALREADY_EXISTS');
    expect(codeOf(translateConstraint(pgError('23P01')))).toBe('CONFLICT');
  });

  it('answers deadlocks and serialization failures as busy', () => {
    expect(codeOf(translateConstraint(pgError('40P01')))).toBe('SERVICE_UNAVAILABLE');
    expect(codeOf(translateConstraint(pgError('40001')))).toBe('SERVICE_UNAVAILABLE');
  });

  it('lets a use case word a guard its own way', () => {
    const overlap = translateConstraint(pgError('23P01', 'claim_no_overlapping_confirmed'), {
      claim_no_overlapping_confirmed: () => new DomainError('CLAIM_OVERLAPS', 'nothing was changed'),
    });
    expect(overlap).toEqual(new DomainError('CLAIM_OVERLAPS', 'nothing was changed'));
  });

  it('returns anything else unchanged: domain errors, other SQLSTATEs, non-errors', () => {
    const refusal = new DomainError('SHIFT_CANCELLED', 'cancelled');
    const check = pgError('23514', 'claim_checkout_after_checkin');
    expect(translateConstraint(refusal)).toBe(refusal);
    expect(translateConstraint(check)).toBe(check);
    expect(translateConstraint(undefined)).toBeUndefined();
  });

  it('knows only constraints the migrations create', () => {
    const folders = ['libs/platform/src/database/migrations', 'libs/volunteering/src/infra/migrations'];
    const migrations = folders
      .flatMap((folder) => readdirSync(folder).map((file) => join(folder, file)))
      .filter((path) => /Migration\d+.*\.ts$/.test(path))
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    for (const name of TRANSLATED_CONSTRAINTS) expect(migrations).toContain(name);
  });
});
