import type { EntityManager } from '@mikro-orm/postgresql';
import type { NearbyShift, PersonFacts, ShiftFacts } from '../domain/claim-rules';
import type { ClaimSource, ClaimStatus } from '../infra/claim.entity';
import { VolunteeringSettings } from './volunteering-settings.entity';

const WEEK_MS = 8 * 24 * 60 * 60_000;

/** Everything the claim rules need, read in one round trip. */
export interface ClaimContext {
  shift: ShiftFacts & { version: number; signupOpensDays: number | null; cancelCutoffMinutes: number | null };
  person?: PersonFacts;
  alreadyActive: boolean;
  settings: Pick<
    VolunteeringSettings,
    'signupOpensDays' | 'cancelCutoffMinutes' | 'minRestMinutes' | 'maxMinutesPerDay' | 'maxMinutesPerWeek'
  >;
  nearby: NearbyShift[];
}

export interface ClaimRow {
  id: string;
  shiftId: string;
  personId: string;
  status: ClaimStatus;
  source: ClaimSource;
  reservationId: string | null;
  startsAt: Date;
  endsAt: Date;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  creditedMinutes: number | null;
  createdAt: Date;
}

/**
 * The claim hot path in SQL. A claim is the one request that arrives in a rush (a popular shift
 * opening), so it is written as few round trips as the raw transaction would need: the ORM's
 * query building, hydration and change tracking cost more CPU here than the database work itself
 * (measured: `npm run bench -- claims`). Everything else in the context uses the ORM.
 */
export class ClaimStore {
  constructor(private readonly em: EntityManager) {}

  private run<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.em.getConnection().execute<T[]>(sql, params, 'all', this.em.getTransactionContext());
  }

  async context(communityId: string, shiftId: string, personId: string): Promise<ClaimContext | undefined> {
    const [row] = await this.run<Record<string, unknown>>(
      `WITH s AS (SELECT * FROM shift WHERE id = ? AND community_id = ?)
       SELECT s.id, s.title, s.location_text, s.starts_at, s.ends_at, s.time_zone, s.status, s.capacity, s.confirmed_count,
              s.held_count, s.required_qualifications, s.min_age, s.reserved_for_kinds, s.version, s.signup_opens_days,
              s.cancel_cutoff_minutes,
              (SELECT row_to_json(p) FROM (
                 SELECT p.active, p.birth_year, p.qualifications,
                        coalesce((SELECT array_agg(DISTINCT o.kind) FROM membership m JOIN partner_organisation o ON o.id = m.organisation_id AND o.active
                                   WHERE m.person_id = p.id AND m.active AND m.community_id = p.community_id), '{}') AS kinds
                   FROM person p WHERE p.id = ? AND p.community_id = s.community_id) p) AS person,
              EXISTS (SELECT 1 FROM claim c WHERE c.shift_id = s.id AND c.person_id = ? AND c.status IN ('confirmed', 'waitlisted')) AS already_active,
              (SELECT row_to_json(v) FROM volunteering_settings v WHERE v.community_id = s.community_id) AS settings,
              coalesce((SELECT json_agg(json_build_object('title', o.title, 'location_text', o.location_text, 'starts_at', c.starts_at, 'ends_at', c.ends_at))
                          FROM claim c JOIN shift o ON o.id = c.shift_id
                         WHERE c.community_id = s.community_id AND c.person_id = ? AND c.status = 'confirmed' AND c.shift_id <> s.id
                           AND c.starts_at < s.ends_at + make_interval(secs => ? / 1000.0) AND c.ends_at > s.starts_at - make_interval(secs => ? / 1000.0)), '[]') AS nearby
         FROM s`,
      [shiftId, communityId, personId, personId, personId, WEEK_MS, WEEK_MS],
    );
    if (!row) return undefined;
    const person = row.person as {
      active: boolean;
      birth_year: number | null;
      qualifications: string[];
      kinds: string[];
    } | null;
    const settings = (row.settings as Record<string, number> | null) ?? {};
    const defaults = new VolunteeringSettings();
    return {
      shift: {
        id: row.id as string,
        title: row.title as string,
        locationText: row.location_text as string | null,
        startsAt: new Date(row.starts_at as string),
        endsAt: new Date(row.ends_at as string),
        timeZone: row.time_zone as string,
        status: row.status as 'open' | 'cancelled',
        capacity: row.capacity as number,
        confirmedCount: row.confirmed_count as number,
        heldCount: row.held_count as number,
        requiredQualifications: row.required_qualifications as string[],
        minAge: row.min_age as number | null,
        reservedForKinds: row.reserved_for_kinds as string[],
        version: row.version as number,
        signupOpensDays: row.signup_opens_days as number | null,
        cancelCutoffMinutes: row.cancel_cutoff_minutes as number | null,
      },
      person: person
        ? {
            active: person.active,
            birthYear: person.birth_year,
            qualifications: person.qualifications,
            partnerKinds: person.kinds,
          }
        : undefined,
      alreadyActive: row.already_active as boolean,
      settings: {
        signupOpensDays: settings.signup_opens_days ?? defaults.signupOpensDays,
        cancelCutoffMinutes: settings.cancel_cutoff_minutes ?? defaults.cancelCutoffMinutes,
        minRestMinutes: settings.min_rest_minutes ?? defaults.minRestMinutes,
        maxMinutesPerDay: settings.max_minutes_per_day ?? defaults.maxMinutesPerDay,
        maxMinutesPerWeek: settings.max_minutes_per_week ?? defaults.maxMinutesPerWeek,
      },
      nearby: (
        row.nearby as { title: string; location_text: string | null; starts_at: string; ends_at: string }[]
      ).map((n) => ({
        title: n.title,
        locationText: n.location_text,
        startsAt: new Date(n.starts_at),
        endsAt: new Date(n.ends_at),
      })),
    };
  }

  /** The shift row, locked to the end of the transaction, with fresh counters. */
  async lockCounters(
    shiftId: string,
  ): Promise<{ status: 'open' | 'cancelled'; capacity: number; confirmedCount: number; heldCount: number }> {
    const [row] = await this.run<{
      status: 'open' | 'cancelled';
      capacity: number;
      confirmed_count: number;
      held_count: number;
    }>(`SELECT status, capacity, confirmed_count, held_count FROM shift WHERE id = ? FOR UPDATE`, [shiftId]);
    return {
      status: row.status,
      capacity: row.capacity,
      confirmedCount: row.confirmed_count,
      heldCount: row.held_count,
    };
  }

  /** One free place taken in one statement; false when none is free or the shift is not open. */
  async takePlace(shiftId: string): Promise<boolean> {
    const taken = await this.run(
      `UPDATE shift SET confirmed_count = confirmed_count + 1 WHERE id = ? AND status = 'open' AND confirmed_count + held_count < capacity RETURNING id`,
      [shiftId],
    );
    return taken.length === 1;
  }

  /** Inserts the claim and its domain event in one statement. */
  async insertWithEvent(claim: {
    communityId: string;
    shiftId: string;
    personId: string;
    status: 'confirmed' | 'waitlisted';
    source: ClaimSource;
    createdBy: string;
    startsAt: Date;
    endsAt: Date;
    event: { type: string; version: number; payload: Record<string, unknown>; occurredAt: Date };
  }): Promise<ClaimRow> {
    const [row] = await this.run<Record<string, unknown>>(
      `WITH c AS (
         INSERT INTO claim (id, community_id, shift_id, person_id, status, source, created_by, starts_at, ends_at, created_at, updated_at)
         VALUES (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?, clock_timestamp(), clock_timestamp())
         RETURNING *
       ), e AS (
         INSERT INTO outbox_event (community_id, type, aggregate_id, version, payload, occurred_at)
         SELECT c.community_id, ?, c.shift_id, ?, ?::jsonb || jsonb_build_object('claimId', c.id), ? FROM c
       )
       SELECT * FROM c`,
      [
        claim.communityId,
        claim.shiftId,
        claim.personId,
        claim.status,
        claim.source,
        claim.createdBy,
        claim.startsAt,
        claim.endsAt,
        claim.event.type,
        claim.event.version,
        JSON.stringify(claim.event.payload),
        claim.event.occurredAt,
      ],
    );
    return {
      id: row.id as string,
      shiftId: row.shift_id as string,
      personId: row.person_id as string,
      status: row.status as ClaimStatus,
      source: row.source as ClaimSource,
      reservationId: (row.reservation_id as string | null) ?? null,
      startsAt: new Date(row.starts_at as string),
      endsAt: new Date(row.ends_at as string),
      checkedInAt: null,
      checkedOutAt: null,
      creditedMinutes: null,
      createdAt: new Date(row.created_at as string),
    };
  }
}
