import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { notFound } from '@linli/platform';
import type { NearbyShift, PersonFacts, ShiftFacts } from '../domain/claim-rules';
import { Shift } from '../infra/shift.entity';

const WEEK = 8 * 24 * 60 * 60_000;

/** Locks the shift row for the rest of the transaction: claims on one shift are serialised here. */
export async function lockShift(em: EntityManager, communityId: string, shiftId: string): Promise<Shift> {
  const shift = await em.findOne(
    Shift,
    { id: shiftId, community: communityId },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!shift) throw notFound('Shift');
  return shift;
}

/**
 * Serialises a person's own claims (on different shifts) so the day and week limits hold; the
 * overlap rule is also held by the database's EXCLUDE constraint. Always taken after the shift lock.
 */
export async function lockPerson(em: EntityManager, personId: string): Promise<void> {
  await em
    .getConnection()
    .execute(
      `SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`,
      [`person:${personId}`],
      'all',
      em.getTransactionContext(),
    );
}

export function shiftFacts(shift: Shift): ShiftFacts {
  return {
    id: shift.id,
    title: shift.title,
    locationText: shift.locationText,
    startsAt: shift.startsAt,
    endsAt: shift.endsAt,
    timeZone: shift.timeZone,
    status: shift.status,
    capacity: shift.capacity,
    confirmedCount: shift.confirmedCount,
    heldCount: shift.heldCount,
    requiredQualifications: shift.requiredQualifications,
    minAge: shift.minAge,
    reservedForKinds: shift.reservedForKinds,
  };
}

/** The person as the rules see them; undefined when not in this community. */
export async function personFacts(
  em: EntityManager,
  communityId: string,
  personId: string,
): Promise<PersonFacts | undefined> {
  const rows = await em
    .getConnection()
    .execute<
      { active: boolean; birth_year: number | null; qualifications: string[]; kinds: string[] | null }[]
    >(
      `SELECT p.active, p.birth_year, p.qualifications,
            array_agg(DISTINCT o.kind) FILTER (WHERE o.kind IS NOT NULL) AS kinds
       FROM person p
       LEFT JOIN membership m ON m.person_id = p.id AND m.active AND m.community_id = p.community_id
       LEFT JOIN partner_organisation o ON o.id = m.organisation_id AND o.active
      WHERE p.id = ? AND p.community_id = ?
      GROUP BY p.id`,
      [personId, communityId],
      'all',
      em.getTransactionContext(),
    );
  const row = rows[0];
  if (!row) return undefined;
  return {
    active: row.active,
    birthYear: row.birth_year,
    qualifications: row.qualifications,
    partnerKinds: row.kinds ?? [],
  };
}

/** The person's confirmed shifts within a week either side (enough for overlap, rest, day and week limits). */
export async function nearbyShifts(
  em: EntityManager,
  communityId: string,
  personId: string,
  shift: Shift,
): Promise<NearbyShift[]> {
  const rows = await em
    .getConnection()
    .execute<{ title: string; location_text: string | null; starts_at: Date; ends_at: Date }[]>(
      `SELECT s.title, s.location_text, c.starts_at, c.ends_at
       FROM claim c JOIN shift s ON s.id = c.shift_id
      WHERE c.community_id = ? AND c.person_id = ? AND c.status = 'confirmed' AND c.shift_id <> ?
        AND c.starts_at < ? AND c.ends_at > ?`,
      [
        communityId,
        personId,
        shift.id,
        new Date(shift.endsAt.getTime() + WEEK),
        new Date(shift.startsAt.getTime() - WEEK),
      ],
      'all',
      em.getTransactionContext(),
    );
  return rows.map((r) => ({
    title: r.title,
    locationText: r.location_text,
    startsAt: new Date(r.starts_at),
    endsAt: new Date(r.ends_at),
  }));
}
