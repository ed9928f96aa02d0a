import { SqlDatabase } from '@linli/platform';
import { IdentityModule } from '@linli/identity';
import { createTenant } from '@linli/identity/testing';
import { VOLUNTEERING_EVENTS, VOLUNTEERING_EVENT_TYPES, VolunteeringModule } from '@linli/volunteering';
import { recordEveryVolunteeringEvent } from '@linli/volunteering/testing';
import { startUseCaseTier, type UseCaseTier } from '../support/use-case-tier';

const NOW = new Date('2026-12-01T00:00:00Z');

interface OutboxRow {
  id: string;
  type: string;
  payload: Record<string, unknown>;
}

/**
 * volunteering's published events (VOLUNTEERING_EVENTS) against what its use cases really record:
 * the real services on real PostgreSQL produce every declared type, and every row in the outbox
 * round-trips through the schema of its type unchanged (no field the schema does not know, none
 * it misses). A producer that renames a field, or a schema that forgets one, fails here.
 */
describe('volunteering event contracts', () => {
  let tier: UseCaseTier;
  let rows: OutboxRow[];

  beforeAll(async () => {
    tier = await startUseCaseTier({ now: NOW, imports: [IdentityModule, VolunteeringModule] });
    const tenant = await createTenant(tier.em());
    await recordEveryVolunteeringEvent(tier.module, tenant, tier.clock);
    rows = await tier
      .get(SqlDatabase)
      .query<OutboxRow>(`SELECT id::text AS id, type, payload FROM outbox_event ORDER BY id`);
  });
  afterAll(() => tier?.close());

  it('sees every declared event type recorded by the use cases', () => {
    const seen = new Set(rows.map((row) => row.type));
    expect(VOLUNTEERING_EVENT_TYPES.filter((type) => !seen.has(type))).toEqual([]);
  });

  it('records only declared types', () => {
    expect(
      rows.filter((row) => !Object.hasOwn(VOLUNTEERING_EVENTS, row.type)).map((row) => row.type),
    ).toEqual([]);
  });

  it('round-trips every payload through the schema of its type, unchanged', () => {
    const broken = rows.flatMap((row): { id: string; type: string; problem: unknown }[] => {
      const parsed = VOLUNTEERING_EVENTS[row.type as keyof typeof VOLUNTEERING_EVENTS].safeParse(row.payload);
      if (!parsed.success) return [{ id: row.id, type: row.type, problem: parsed.error.issues }];
      return JSON.stringify(sorted(parsed.data)) === JSON.stringify(sorted(row.payload))
        ? []
        : [
            {
              id: row.id,
              type: row.type,
              problem: { stripped: Object.keys(row.payload).filter((k) => !(k in parsed.data)) },
            },
          ];
    });
    expect(broken).toEqual([]);
  });

  it('exercises the optional fields too', () => {
    const fields = (type: string) =>
      new Set(rows.filter((r) => r.type === type).flatMap((r) => Object.keys(r.payload)));
    expect([...fields('ShiftChanged')]).toEqual(
      expect.arrayContaining(['reason', 'postponedByMinutes', 'previousStartsAt', 'previousEndsAt']),
    );
    expect([...fields('ClaimConfirmed')]).toContain('reservationId');
    expect([...fields('ClaimCompleted')]).toContain('closedWithoutCheckOut');
    expect([...fields('ClaimCancelled')]).toEqual(
      expect.arrayContaining(['reason', 'overlapsShiftId', 'commitmentId']),
    );
    expect([...fields('CommitmentRefused')]).toEqual(expect.arrayContaining(['commitmentId', 'personId']));
  });

  it('refuses a payload with a renamed field', () => {
    const scheduled = rows.find((row) => row.type === 'ShiftScheduled')!.payload;
    const { startsAt, ...rest } = scheduled;
    expect(VOLUNTEERING_EVENTS.ShiftScheduled.safeParse({ ...rest, startAt: startsAt }).success).toBe(false);
  });
});

/** The object with its keys in order, for comparing JSON. */
function sorted(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}
