import type { Sql } from '@linli/platform';
import type { NearbyShift, PersonFacts, ShiftFacts } from '../domain/claim-rules';
import type { ClaimSource, ClaimStatus } from '../infra/claim.entity';
import { VolunteeringSettings } from './volunteering-settings.entity';

const WEEK_MS = 8 * 24 * 60 * 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID as an SQL literal; anything else is refused rather than inlined. */
export function uuidLiteral(value: string): string {
  if (!UUID.test(value)) throw new Error(`not a UUID: ${value.slice(0, 40)}`);
  return `'${value}'`;
}

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
  constructor(private readonly run: Sql) {}

  /**
   * The query reading the claim context, with the ids inlined so it can travel with BEGIN and the
   * person lock in one round trip. Only UUIDs (checked) and a number are inlined.
   */
  static contextQuery(communityId: string, shiftId: string, personId: string): string {
    const [shift, community, person] = [shiftId, communityId, personId].map(uuidLiteral);
    return `WITH s AS (SELECT * FROM shift WHERE id = ${shift} AND community_id = ${community})
       SELECT s.id, s.title, s.location_text, s.starts_at, s.ends_at, s.time_zone, s.status, s.capacity, s.confirmed_count,
              s.held_count, s.required_qualifications, s.min_age, s.reserved_for_kinds, s.version, s.signup_opens_days,
              s.cancel_cutoff_minutes,
              (SELECT row_to_json(p) FROM (
                 SELECT p.active, p.birth_year, p.qualifications,
                        coalesce((SELECT array_agg(DISTINCT o.kind) FROM membership m JOIN partner_organisation o ON o.id = m.organisation_id AND o.active
                                   WHERE m.person_id = p.id AND m.active AND m.community_id = p.community_id), '{}') AS kinds
                   FROM person p WHERE p.id = ${person} AND p.community_id = s.community_id) p) AS person,
              EXISTS (SELECT 1 FROM claim c WHERE c.shift_id = s.id AND c.person_id = ${person} AND c.status IN ('confirmed', 'waitlisted')) AS already_active,
              (SELECT row_to_json(v) FROM volunteering_settings v WHERE v.community_id = s.community_id) AS settings,
              coalesce((SELECT json_agg(json_build_object('title', o.title, 'location_text', o.location_text, 'starts_at', c.starts_at, 'ends_at', c.ends_at))
                          FROM claim c JOIN shift o ON o.id = c.shift_id
                         WHERE c.community_id = s.community_id AND c.person_id = ${person} AND c.status = 'confirmed' AND c.shift_id <> s.id
                           AND c.starts_at < s.ends_at + make_interval(secs => ${WEEK_MS} / 1000.0) AND c.ends_at > s.starts_at - make_interval(secs => ${WEEK_MS} / 1000.0)), '[]') AS nearby
         FROM s`;
  }

  /** Reads the context rows the transaction's first round trip returned. */
  static context(rows: Record<string, unknown>[]): ClaimContext | undefined {
    const [row] = rows;
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
    }>(`SELECT status, capacity, confirmed_count, held_count FROM shift WHERE id = $1 FOR UPDATE`, [shiftId]);
    return {
      status: row.status,
      capacity: row.capacity,
      confirmedCount: row.confirmed_count,
      heldCount: row.held_count,
    };
  }

  /**
   * Inserts the claim and its domain event in one statement. With `takePlace`, a place is taken in
   * the same statement (counter + 1 when one is free) and nothing is inserted when none is: the
   * answer is then undefined and the caller decides under the row lock.
   */
  async insert(claim: NewClaim, takePlace: boolean): Promise<ClaimRow | undefined> {
    const [row] = await this.run(
      `WITH t AS (
         UPDATE shift SET confirmed_count = confirmed_count + 1
          WHERE $10 AND id = $2 AND status = 'open' AND confirmed_count + held_count < capacity
         RETURNING id
       ), c AS (
         INSERT INTO claim (id, community_id, shift_id, person_id, status, source, created_by, starts_at, ends_at, created_at, updated_at)
         SELECT gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, clock_timestamp(), clock_timestamp()
          WHERE NOT $10 OR EXISTS (SELECT 1 FROM t)
         RETURNING *
       ), e AS (
         INSERT INTO outbox_event (community_id, type, aggregate_id, version, payload, occurred_at)
         SELECT c.community_id, $9, c.shift_id, $11, $12::jsonb || jsonb_build_object('claimId', c.id), $13 FROM c
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
        takePlace,
        claim.event.version,
        JSON.stringify(claim.event.payload),
        claim.event.occurredAt,
      ],
    );
    if (!row) return undefined;
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

  /** Under the row lock: one more confirmed place. */
  async countConfirmed(shiftId: string): Promise<void> {
    await this.run(`UPDATE shift SET confirmed_count = confirmed_count + 1 WHERE id = $1`, [shiftId]);
  }
}

export interface NewClaim {
  communityId: string;
  shiftId: string;
  personId: string;
  status: 'confirmed' | 'waitlisted';
  source: ClaimSource;
  createdBy: string;
  startsAt: Date;
  endsAt: Date;
  event: { type: string; version: number; payload: Record<string, unknown>; occurredAt: Date };
}
