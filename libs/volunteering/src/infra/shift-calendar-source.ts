import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, Clock, SqlDatabase } from '@linli/platform';
import {
  CalendarSourceProvider,
  type CalendarEntry,
  type CalendarSource,
  type FeedScope,
  type FeedWindow,
} from '@linli/calendar';
import {
  shiftCalendarEntry,
  type ShiftCalendarFacts,
  type ShiftEntryView,
} from '../domain/shift-calendar-entry';

/** The most entries one feed asks for; the calendar truncates there too (latest starts left out). */
const MAX_ENTRIES = 20_000;

const COLUMNS = `s.id, s.title, s.description, s.location_text, e.name AS estate_name, s.origin_context,
       s.starts_at, s.ends_at, s.time_zone, s.version, s.updated_at, s.status`;
/*
 * Every query takes $1 community, $2 window start, $3 window end, $4 now, then $5 the scope's id.
 * Shifts last at most 24 hours (ShiftsService refuses longer), so a lower bound on starts_at keeps
 * the (community_id, starts_at) index usable for "overlaps the window".
 */
const IN_WINDOW = `s.community_id = $1 AND s.starts_at > $2::timestamptz - interval '24 hours' AND s.starts_at < $3 AND s.ends_at > $2`;
// A cancelled shift stays in feeds (STATUS:CANCELLED) until it ends, then drops out.
const SHOWN = `(s.status <> 'cancelled' OR s.ends_at > $4)`;

interface ShiftRow {
  id: string;
  title: string;
  description: string | null;
  location_text: string | null;
  estate_name: string | null;
  origin_context: string | null;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  version: number;
  updated_at: Date;
  status: string;
  claim_status?: string;
  claim_updated_at?: Date;
}

/**
 * Shifts in feeds, through the calendar's CalendarSource port: one windowed query on indexed
 * columns per scope, whatever its size.
 * - person: their shifts, confirmed (and attended), waitlisted (TENTATIVE, 【候补】), and places
 *   they lost or gave up (CANCELLED until the shift ends);
 * - organisation: shifts it holds places on and shifts its members are confirmed on;
 * - estate: shifts at the estate; community: every shift (the organisers' master calendar);
 * - public-market / public-visits: shifts staffing market sessions / an estate's vehicle visits,
 *   without description or link: nothing about who is on them.
 */
@Injectable()
@CalendarSourceProvider()
export class ShiftCalendarSource implements CalendarSource {
  readonly name = 'volunteering';

  constructor(
    private readonly db: SqlDatabase,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  supports(scope: FeedScope): boolean {
    return scope.kind !== 'venue';
  }

  async entries(communityId: string, scope: FeedScope, window: FeedWindow): Promise<CalendarEntry[]> {
    const query = this.query(communityId, scope, window, this.clock.now());
    if (!query) return [];
    const rows = await this.db.query<ShiftRow>(query.sql, query.params);
    const baseUrl = this.config.feeds?.publicBaseUrl ?? '';
    return rows.map((row) => shiftCalendarEntry(facts(row), view(scope, row), baseUrl));
  }

  /**
   * A digest of the very rows `entries` would map (the same query, wrapped): every column, the
   * estate's name and the claim's place included, the window and `now` applied the same way. One
   * indexed query; the rows stay in PostgreSQL, only their count and the sum of their 64-bit
   * record hashes come back (hashed by type, no text conversion: a third of the cost of a SHA-256
   * over their text). The base URL is the mapping's one other input; its code is not, because the
   * calendar keeps content keys per process (a release never meets a key of the previous one).
   */
  async contentVersion(communityId: string, scope: FeedScope, window: FeedWindow): Promise<string> {
    const query = this.query(communityId, scope, window, this.clock.now());
    if (!query) return 'none';
    const [row] = await this.db.query<{ rows: number; digest: string | null }>(
      `SELECT count(*)::int AS rows, sum(hash_record_extended(q, 0)::numeric)::text AS digest
         FROM (${query.sql}) q`,
      query.params,
    );
    return `${row.rows}:${row.digest ?? ''}:${this.config.feeds?.publicBaseUrl ?? ''}`;
  }

  private query(
    communityId: string,
    scope: FeedScope,
    window: FeedWindow,
    now: Date,
  ): { sql: string; params: unknown[] } | null {
    const params = (scopeId?: string) => [
      communityId,
      window.from,
      window.to,
      now,
      ...(scopeId === undefined ? [] : [scopeId]),
    ];
    const shifts = (condition: string, scopeId?: string) => ({
      sql: `SELECT ${COLUMNS}
              FROM shift s LEFT JOIN identity_estate_v1 e ON e.id = s.estate_id
             WHERE ${IN_WINDOW} AND ${SHOWN} AND ${condition}
             ORDER BY s.starts_at, s.id
             LIMIT ${MAX_ENTRIES}`,
      params: params(scopeId),
    });
    switch (scope.kind) {
      case 'person':
        // One entry per shift: the active claim if there is one, else the latest cancelled one.
        return {
          sql: `SELECT DISTINCT ON (s.id) ${COLUMNS}, c.status AS claim_status, c.updated_at AS claim_updated_at
                  FROM claim c
                  JOIN shift s ON s.id = c.shift_id
                  LEFT JOIN identity_estate_v1 e ON e.id = s.estate_id
                 WHERE c.community_id = $1 AND c.person_id = $5 AND ${IN_WINDOW}
                   AND ((c.status <> 'cancelled' AND s.status <> 'cancelled') OR s.ends_at > $4)
                 ORDER BY s.id, (c.status <> 'cancelled') DESC, c.updated_at DESC`,
          params: params(scope.personId),
        };
      case 'organisation':
        return shifts(
          `(EXISTS (SELECT 1 FROM organisation_reservation r
                     WHERE r.shift_id = s.id AND r.organisation_id = $5
                       AND (r.status <> 'cancelled' OR s.status = 'cancelled'))
            OR EXISTS (SELECT 1 FROM claim c
                         JOIN identity_membership_v1 m ON m.person_id = c.person_id AND m.community_id = c.community_id
                        WHERE c.shift_id = s.id AND m.organisation_id = $5 AND m.active
                          AND (c.status IN ('confirmed', 'completed') OR (c.status = 'cancelled' AND s.status = 'cancelled'))))`,
          scope.organisationId,
        );
      case 'estate':
        return shifts(`s.estate_id = $5`, scope.estateId);
      case 'community':
        return shifts(`TRUE`);
      case 'public-market':
        return shifts(`s.origin_context = 'market_session'`);
      case 'public-visits':
        return shifts(`s.origin_context = 'vehicle_visit' AND s.estate_id = $5`, scope.estateId);
      default:
        return null;
    }
  }
}

function facts(row: ShiftRow): ShiftCalendarFacts {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    locationText: row.location_text,
    estateName: row.estate_name,
    originContext: row.origin_context,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    timeZone: row.time_zone,
    version: row.version,
    updatedAt: new Date(row.updated_at),
    cancelled: row.status === 'cancelled',
  };
}

function view(scope: FeedScope, row: ShiftRow): ShiftEntryView {
  if (scope.kind === 'public-market' || scope.kind === 'public-visits') return { audience: 'public' };
  if (scope.kind !== 'person') return { audience: 'organisers' };
  const place =
    row.claim_status === 'cancelled'
      ? 'cancelled'
      : row.claim_status === 'waitlisted'
        ? 'waitlisted'
        : 'confirmed';
  return {
    audience: 'personal',
    place,
    placeChangedAt: row.claim_updated_at ? new Date(row.claim_updated_at) : undefined,
  };
}
