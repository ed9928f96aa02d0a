import { DomainError, isTransient } from '@linli/platform';

/**
 * What each of volunteering's database guards means to the person whose change it refused. The
 * guards are the real invariants (architecture rule 9); the use cases check first only to answer
 * well, so a guard fires when two requests raced past the checks. Keyed by the constraint's name
 * as the migrations (and the entities' @Check/@Index) declare it.
 */
const BY_CONSTRAINT: Record<string, () => DomainError> = {
  // Partial unique index: one confirmed or waitlisted claim per person and shift.
  claim_one_active_per_person_and_shift: () =>
    new DomainError('ALREADY_CLAIMED', 'already on this shift or its waitlist'),
  // EXCLUDE on tstzrange: a person's confirmed claims never overlap.
  claim_no_overlapping_confirmed: () =>
    new DomainError('CLAIM_OVERLAPS', 'overlaps another confirmed shift of this person'),
  // CHECK: confirmed plus held places never exceed capacity.
  shift_counts_within_capacity: () => new DomainError('SHIFT_FULL', 'the shift is full'),
  // Partial unique index: one active reservation per organisation and shift.
  organisation_reservation_one_active: () =>
    new DomainError(
      'ALREADY_EXISTS',
      'this organisation already holds places on this shift; change that reservation',
    ),
  // CHECK: assigned places never exceed the reserved ones.
  reservation_assigned_within_places: () =>
    new DomainError('RESERVATION_FULL', 'all reserved places are assigned'),
};

/** SQLSTATEs answered when the constraint's name is unknown (an error without one, or a new guard). */
const BY_SQLSTATE: Record<string, () => DomainError> = {
  '23505': () => new DomainError('ALREADY_EXISTS', 'a record with the same values already exists'),
  '23P01': () => new DomainError('CONFLICT', 'conflicts with an existing record'),
};

export type ConstraintAnswers = Partial<Record<keyof typeof BY_CONSTRAINT, () => DomainError>>;

/**
 * A database error as a coded answer, never a 500: by the violated constraint's name first, by
 * SQLSTATE only as a fallback. Works for ORM exceptions and raw `pg` errors alike (both carry
 * `code` and `constraint`). `answers` lets a use case say a guard more precisely (the bulk
 * postponement's overlap names what did not happen). Anything else is returned unchanged.
 */
export function translateConstraint(error: unknown, answers: ConstraintAnswers = {}): unknown {
  if (error instanceof DomainError) return error;
  const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string };
  const named = constraint
    ? ((answers as Record<string, () => DomainError>)[constraint] ?? BY_CONSTRAINT[constraint])
    : undefined;
  if (named) return named();
  if (isTransient(error)) return new DomainError('SERVICE_UNAVAILABLE', 'busy: please retry');
  const bySqlState = code ? BY_SQLSTATE[code] : undefined;
  return bySqlState ? bySqlState() : error;
}

/** The constraint names translateConstraint knows, for tests that hold them to the migrations. */
export const TRANSLATED_CONSTRAINTS = Object.keys(BY_CONSTRAINT);
