import type { EntityManager } from '@mikro-orm/core';
import { LockMode } from '@mikro-orm/core';
import { notFound, PreparedStatement, sqlIn, type Sql, uuidArray, uuidLiteral } from '@linli/platform';
import type { NearbyShift, PersonFacts, ShiftFacts } from '../domain/claim-rules';
import type { ClaimSource, ClaimStatus } from './claim.entity';
import { Shift } from './shift.entity';
import { VolunteeringSettings } from './volunteering-settings.entity';

/*
 * The one store of claim facts and claim locks: the claim hot path, organisation assignments,
 * waitlist promotion and the open-shifts list all read a person and their nearby shifts here, so
 * they can never disagree about what the rules see.
 *
 * LOCK ORDER (every transaction that takes more than one of these takes them in this order):
 *   1. person advisory locks (`person:<id>`), several at once in ascending id order — they
 *      serialise one person's claims on different shifts, so the day and week limits hold;
 *   2. the shift row (SELECT … FOR UPDATE, or the conditional UPDATE of its counters);
 *   3. rows that hang off the shift: its reservations and claims.
 * Waitlist promotion needs the locks of the people it may promote, so it takes them (step 1)
 * before the shift (step 2): see `lockWaitlist`. A series edit moving a shift takes everyone
 * confirmed on it and first in line in one ascending sweep (`lockPeopleOnShift`), then the shift.
 * A standing commitment holds no lock of its own: each occurrence goes through the claim or
 * reservation use case, which takes these in this order. A try-lock that never waits (a worker taking a
 * job) may come first. The overlap rule is also held by the database's EXCLUDE constraint, and
 * the counters by a CHECK; the locks are there so the checks answer well.
 *
 * While holding any of these, never wait for a connection of another pool (IdentityDirectory,
 * SqlDatabase): claims queued on the same locks may hold all of that pool's connections, a wait
 * PostgreSQL cannot see as a deadlock. Look such facts up before the first lock.
 */

const WEEK_MS = 8 * 24 * 60 * 60_000;
/** Waiting people whose locks promotion takes at most (the waitlist is read in this many). */
export const MAX_PROMOTION_CANDIDATES = 200;

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

export interface NewClaim {
  id: string;
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

/** A confirmed or waitlisted claim of a person, with its shift's title and place. */
export interface ActiveClaim extends NearbyShift {
  shiftId: string;
  status: 'confirmed' | 'waitlisted';
}

/** A shift entity as the claim rules see it. */
export function shiftFactsOf(shift: Shift): ShiftFacts {
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

/** The person as the rules see them, from identity's published views. */
const PERSON_FACTS = `SELECT p.active, p.birth_year, p.qualifications,
         coalesce((SELECT array_agg(DISTINCT o.kind)
                     FROM identity_membership_v1 m
                     JOIN identity_partner_organisation_v1 o ON o.id = m.organisation_id AND o.active
                    WHERE m.person_id = p.id AND m.active AND m.community_id = p.community_id), '{}') AS kinds
    FROM identity_person_v1 p`;

interface PersonFactsRow {
  active: boolean;
  birth_year: number | null;
  qualifications: string[];
  kinds: string[];
}

const personFactsOf = (row: PersonFactsRow): PersonFacts => ({
  active: row.active,
  birthYear: row.birth_year,
  qualifications: row.qualifications,
  partnerKinds: row.kinds,
});

/** Lock order step 1 on the hot path: the person's advisory lock, to the end of the transaction. */
const PERSON_LOCK = new PreparedStatement(
  'volunteering_person_lock',
  `SELECT pg_advisory_xact_lock(hashtextextended('person:' || $1::uuid, 0))`,
  ['uuid'],
);

/** Everything the claim rules need, in one statement: $1 community, $2 shift, $3 person. */
const CLAIM_CONTEXT = new PreparedStatement(
  'volunteering_claim_context',
  `WITH s AS (SELECT * FROM shift WHERE id = $2 AND community_id = $1)
   SELECT s.id, s.title, s.location_text, s.starts_at, s.ends_at, s.time_zone, s.status, s.capacity, s.confirmed_count,
          s.held_count, s.required_qualifications, s.min_age, s.reserved_for_kinds, s.version, s.signup_opens_days,
          s.cancel_cutoff_minutes,
          (SELECT row_to_json(p) FROM (${PERSON_FACTS} WHERE p.id = $3 AND p.community_id = s.community_id) p) AS person,
          EXISTS (SELECT 1 FROM claim c WHERE c.shift_id = s.id AND c.person_id = $3 AND c.status IN ('confirmed', 'waitlisted')) AS already_active,
          (SELECT row_to_json(v) FROM volunteering_settings v WHERE v.community_id = s.community_id) AS settings,
          coalesce((SELECT json_agg(json_build_object('title', o.title, 'location_text', o.location_text, 'starts_at', c.starts_at, 'ends_at', c.ends_at))
                      FROM claim c JOIN shift o ON o.id = c.shift_id
                     WHERE c.community_id = s.community_id AND c.person_id = $3 AND c.status = 'confirmed' AND c.shift_id <> s.id
                       AND c.starts_at < s.ends_at + make_interval(secs => ${WEEK_MS} / 1000.0) AND c.ends_at > s.starts_at - make_interval(secs => ${WEEK_MS} / 1000.0)), '[]') AS nearby
     FROM s`,
  ['uuid', 'uuid', 'uuid'],
);

/** What the claim's statements answer about the claim they wrote. */
const CLAIM_COLUMNS =
  'id, shift_id, person_id, status, source, reservation_id, starts_at, ends_at, created_at';
const INSERT_CLAIM = `INSERT INTO claim (id, community_id, shift_id, person_id, status, source, created_by, starts_at, ends_at, created_at, updated_at)`;

/**
 * Parameters of the claim statements (claimParams): $1 community, $2 shift, $3 person, $4 status,
 * $5 source, $6 created by, $7/$8 times, $9 event type, $10 shift version, $11 payload, $12
 * occurred at, $13 claim id. The event goes in with the claim, from the row the claim wrote.
 */
const RECORD_EVENT = `INSERT INTO outbox_event (community_id, type, aggregate_id, version, payload, occurred_at)
     SELECT c.community_id, $9, c.shift_id, $10, $11::jsonb, $12 FROM c`;

/**
 * The claim and its domain event in one statement; with $14 (take a place) only when the
 * conditional UPDATE of the shift's counter found a free place.
 */
const CLAIM_INSERT = new PreparedStatement(
  'volunteering_claim_insert',
  `WITH t AS (
     UPDATE shift SET confirmed_count = confirmed_count + 1
      WHERE $14 AND id = $2 AND status = 'open' AND confirmed_count + held_count < capacity
     RETURNING id
   ), c AS (
     ${INSERT_CLAIM}
     SELECT $13, $1, $2, $3, $4, $5, $6, $7, $8, clock_timestamp(), clock_timestamp()
      WHERE NOT $14 OR EXISTS (SELECT 1 FROM t)
     RETURNING ${CLAIM_COLUMNS}, community_id
   ), e AS (${RECORD_EVENT})
   SELECT ${CLAIM_COLUMNS} FROM c`,
);

/**
 * A waitlisted claim and its event, only while the shift is open and still full under its row
 * lock (FOR UPDATE re-reads the newest version of the row before the condition holds).
 */
const CLAIM_WAITLIST_IF_FULL = new PreparedStatement(
  'volunteering_claim_waitlist_if_full',
  `WITH s AS (
     SELECT id FROM shift
      WHERE id = $2 AND status = 'open' AND confirmed_count + held_count >= capacity
      FOR UPDATE
   ), c AS (
     ${INSERT_CLAIM}
     SELECT $13, $1, s.id, $3, $4, $5, $6, $7, $8, clock_timestamp(), clock_timestamp() FROM s
     RETURNING ${CLAIM_COLUMNS}, community_id
   ), e AS (${RECORD_EVENT})
   SELECT ${CLAIM_COLUMNS} FROM c`,
);

const LOCK_COUNTERS = new PreparedStatement(
  'volunteering_shift_lock_counters',
  `SELECT status, capacity, confirmed_count, held_count FROM shift WHERE id = $1 FOR UPDATE`,
);

const COUNT_CONFIRMED = new PreparedStatement(
  'volunteering_shift_count_confirmed',
  `UPDATE shift SET confirmed_count = confirmed_count + 1 WHERE id = $1`,
);

interface ClaimRecord {
  id: string;
  shift_id: string;
  person_id: string;
  status: ClaimStatus;
  source: ClaimSource;
  reservation_id: string | null;
  starts_at: Date;
  ends_at: Date;
  created_at: Date;
}

const claimRowOf = (row: ClaimRecord): ClaimRow => ({
  id: row.id,
  shiftId: row.shift_id,
  personId: row.person_id,
  status: row.status,
  source: row.source,
  reservationId: row.reservation_id ?? null,
  startsAt: new Date(row.starts_at),
  endsAt: new Date(row.ends_at),
  checkedInAt: null,
  checkedOutAt: null,
  creditedMinutes: null,
  createdAt: new Date(row.created_at),
});

/**
 * The claim hot path is written in SQL: a claim is the one request that arrives in a rush (a
 * popular shift opening), so it takes as few round trips as the raw transaction would need; the
 * ORM's query building, hydration and change tracking cost more CPU there than the database work
 * itself (measured: `npm run bench -- claims`). The other paths use the same facts through
 * `ClaimStore.in(em)`, inside their ORM unit of work.
 */
export class ClaimStore {
  constructor(
    private readonly run: Sql,
    private readonly em?: EntityManager,
  ) {}

  /** The store on the unit of work of `em`: its statements join that transaction. */
  static in(em: EntityManager): ClaimStore {
    return new ClaimStore(sqlIn(em), em);
  }

  /**
   * The claim transaction's first round trip, sent with BEGIN (simple protocol, so the checked
   * UUIDs are inlined): the person's lock (lock order step 1), then the claim context. Both are
   * prepared statements (`firstPrepared`): the context reads through identity's views, and
   * planning it each time cost several times what running it does.
   */
  static firstStatements(communityId: string, shiftId: string, personId: string): string {
    const [community, shift, person] = [communityId, shiftId, personId].map(uuidLiteral);
    return `${PERSON_LOCK.execute(person)};\n${CLAIM_CONTEXT.execute(community, shift, person)}`;
  }

  /** The statements `firstStatements` executes, for SqlDatabase.transaction's `prepared`. */
  static readonly firstPrepared: readonly PreparedStatement[] = [PERSON_LOCK, CLAIM_CONTEXT];

  /** Reads the context rows the transaction's first round trip returned. */
  static context(rows: Record<string, unknown>[]): ClaimContext | undefined {
    const [row] = rows;
    if (!row) return undefined;
    const person = row.person as PersonFactsRow | null;
    const settings = (row.settings as Record<string, number> | null) ?? {};
    const defaults = new VolunteeringSettings();
    return {
      shift: {
        id: row.id as string,
        title: row.title as string,
        locationText: row.location_text as string | null,
        startsAt: new Date(row.starts_at as Date),
        endsAt: new Date(row.ends_at as Date),
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
      person: person ? personFactsOf(person) : undefined,
      alreadyActive: row.already_active as boolean,
      settings: {
        signupOpensDays: settings.signup_opens_days ?? defaults.signupOpensDays,
        cancelCutoffMinutes: settings.cancel_cutoff_minutes ?? defaults.cancelCutoffMinutes,
        minRestMinutes: settings.min_rest_minutes ?? defaults.minRestMinutes,
        maxMinutesPerDay: settings.max_minutes_per_day ?? defaults.maxMinutesPerDay,
        maxMinutesPerWeek: settings.max_minutes_per_week ?? defaults.maxMinutesPerWeek,
      },
      // Built in SQL as json: its timestamps arrive as strings.
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

  /** Lock order step 1, for one person: their claims on different shifts are serialised. */
  async lockPerson(personId: string): Promise<void> {
    await this.lockPeople([personId]);
  }

  /** Lock order step 1, for several people at once: in ascending id order, so two such transactions never deadlock. */
  async lockPeople(personIds: readonly string[]): Promise<void> {
    const ids = [...new Set(personIds.map((id) => id.toLowerCase()))].sort();
    if (!ids.length) return;
    await this.run(
      `SELECT pg_advisory_xact_lock(hashtextextended('person:' || p.id, 0))
         FROM (SELECT id FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n) ORDER BY n) p`,
      [uuidArray(ids)],
    );
  }

  /**
   * Lock order step 1 for waitlist promotion, before the shift is locked: the people first in
   * line on the shift's waitlist. Promotion then considers only them (`promotable`); anyone who
   * joins the waitlist meanwhile is behind them anyway.
   */
  async lockWaitlist(shiftId: string): Promise<ReadonlySet<string>> {
    const rows = await this.run<{ person_id: string }>(
      `SELECT person_id FROM claim WHERE shift_id = $1 AND status = 'waitlisted'
        ORDER BY created_at, id LIMIT $2`,
      [shiftId, MAX_PROMOTION_CANDIDATES],
    );
    const people = rows.map((row) => row.person_id);
    await this.lockPeople(people);
    return new Set(people);
  }

  /**
   * Lock order step 1 before moving a shift: everyone confirmed on it (whose other shifts the move
   * may now overlap) and the first on its waitlist (to whom a released place may go), in one
   * ascending sweep. Answers the waitlisted people locked, for promotion.
   */
  async lockPeopleOnShift(shiftId: string): Promise<ReadonlySet<string>> {
    const rows = await this.run<{ person_id: string; status: string }>(
      `(SELECT person_id, status FROM claim WHERE shift_id = $1 AND status = 'confirmed')
       UNION ALL
       (SELECT person_id, status FROM claim WHERE shift_id = $1 AND status = 'waitlisted'
         ORDER BY created_at, id LIMIT $2)`,
      [shiftId, MAX_PROMOTION_CANDIDATES],
    );
    await this.lockPeople(rows.map((row) => row.person_id));
    return new Set(rows.filter((row) => row.status === 'waitlisted').map((row) => row.person_id));
  }

  /**
   * The confirmed claims on `shiftId` whose person has another confirmed shift overlapping
   * [startsAt, endsAt): the claims a move to those times would make overlap (the EXCLUDE guard).
   */
  async claimsOverlappingAfterMove(
    communityId: string,
    shiftId: string,
    startsAt: Date,
    endsAt: Date,
  ): Promise<{ claimId: string; personId: string; overlapsShiftId: string }[]> {
    const rows = await this.run<{ claim_id: string; person_id: string; other_shift_id: string }>(
      `SELECT c.id AS claim_id, c.person_id, o.shift_id AS other_shift_id
         FROM claim c
         JOIN LATERAL (
           SELECT o.shift_id FROM claim o
            WHERE o.community_id = c.community_id AND o.person_id = c.person_id AND o.status = 'confirmed'
              AND o.shift_id <> c.shift_id AND o.starts_at < $4 AND o.ends_at > $3
            ORDER BY o.starts_at, o.shift_id LIMIT 1) o ON true
        WHERE c.community_id = $1 AND c.shift_id = $2 AND c.status = 'confirmed'
        ORDER BY c.person_id`,
      [communityId, shiftId, startsAt, endsAt],
    );
    return rows.map((row) => ({
      claimId: row.claim_id,
      personId: row.person_id,
      overlapsShiftId: row.other_shift_id,
    }));
  }

  /** Lock order step 2: the shift row, locked to the end of the transaction, as an entity. */
  async lockShift(communityId: string, shiftId: string): Promise<Shift> {
    if (!this.em) throw new Error('ClaimStore.lockShift needs the unit of work: ClaimStore.in(em)');
    const shift = await this.em.findOne(
      Shift,
      { id: shiftId, community: communityId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!shift) throw notFound('Shift');
    return shift;
  }

  /** Lock order step 2 on the hot path: the shift row's fresh counters, locked. */
  async lockCounters(
    shiftId: string,
  ): Promise<{ status: 'open' | 'cancelled'; capacity: number; confirmedCount: number; heldCount: number }> {
    const [row] = await this.run<{
      status: 'open' | 'cancelled';
      capacity: number;
      confirmed_count: number;
      held_count: number;
    }>(LOCK_COUNTERS, [shiftId]);
    return {
      status: row.status,
      capacity: row.capacity,
      confirmedCount: row.confirmed_count,
      heldCount: row.held_count,
    };
  }

  /** The person as the rules see them; undefined when not in this community. */
  async personFacts(communityId: string, personId: string): Promise<PersonFacts | undefined> {
    const [row] = await this.run<PersonFactsRow>(`${PERSON_FACTS} WHERE p.id = $1 AND p.community_id = $2`, [
      personId,
      communityId,
    ]);
    return row ? personFactsOf(row) : undefined;
  }

  /** The person's confirmed shifts within a week either side (enough for overlap, rest, day and week limits). */
  async nearbyShifts(
    communityId: string,
    personId: string,
    shift: Pick<ShiftFacts, 'id' | 'startsAt' | 'endsAt'>,
  ): Promise<NearbyShift[]> {
    const rows = await this.run<{
      title: string;
      location_text: string | null;
      starts_at: Date;
      ends_at: Date;
    }>(
      `SELECT s.title, s.location_text, c.starts_at, c.ends_at
         FROM claim c JOIN shift s ON s.id = c.shift_id
        WHERE c.community_id = $1 AND c.person_id = $2 AND c.status = 'confirmed' AND c.shift_id <> $3
          AND c.starts_at < $4 AND c.ends_at > $5`,
      [
        communityId,
        personId,
        shift.id,
        new Date(shift.endsAt.getTime() + WEEK_MS),
        new Date(shift.startsAt.getTime() - WEEK_MS),
      ],
    );
    return rows.map((r) => ({
      title: r.title,
      locationText: r.location_text,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
    }));
  }

  /** The person's confirmed and waitlisted claims overlapping [from, to) (the open-shifts list). */
  async activeClaims(communityId: string, personId: string, from: Date, to: Date): Promise<ActiveClaim[]> {
    const rows = await this.run<{
      shift_id: string;
      status: 'confirmed' | 'waitlisted';
      title: string;
      location_text: string | null;
      starts_at: Date;
      ends_at: Date;
    }>(
      `SELECT c.shift_id, c.status, s.title, s.location_text, c.starts_at, c.ends_at
         FROM claim c JOIN shift s ON s.id = c.shift_id
        WHERE c.community_id = $1 AND c.person_id = $2 AND c.status IN ('confirmed', 'waitlisted')
          AND c.starts_at < $3 AND c.ends_at > $4`,
      [communityId, personId, to, from],
    );
    return rows.map((r) => ({
      shiftId: r.shift_id,
      status: r.status,
      title: r.title,
      locationText: r.location_text,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
    }));
  }

  /**
   * Inserts the claim and its domain event in one statement. With `takePlace`, a place is taken in
   * the same statement (counter + 1 when one is free) and nothing is inserted when none is: the
   * answer is then undefined and the caller decides under the row lock.
   */
  async insert(claim: NewClaim, takePlace: boolean): Promise<ClaimRow | undefined> {
    const [row] = await this.run<ClaimRecord>(CLAIM_INSERT, [...claimParams(claim), takePlace]);
    return row ? claimRowOf(row) : undefined;
  }

  /**
   * Inserts a waitlisted claim and its event while the shift is open and still full under its
   * row lock: the rush case, where the context already saw no free place. Undefined when a place
   * was freed or the shift changed meanwhile (the caller decides again under the lock).
   */
  async insertWaitlistedIfFull(claim: NewClaim): Promise<ClaimRow | undefined> {
    const [row] = await this.run<ClaimRecord>(CLAIM_WAITLIST_IF_FULL, claimParams(claim));
    return row ? claimRowOf(row) : undefined;
  }

  /** Under the row lock: one more confirmed place. */
  async countConfirmed(shiftId: string): Promise<void> {
    await this.run(COUNT_CONFIRMED, [shiftId]);
  }
}

/** $1-$13 of the claim statements, in their order. */
function claimParams(claim: NewClaim): unknown[] {
  return [
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
    claim.id,
  ];
}
