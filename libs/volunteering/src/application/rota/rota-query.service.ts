import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '@linli/platform';
import {
  RotaCounts,
  RotaTotals,
  datesBetween,
  rotaCounts,
  rotaRange,
  rotaTotals,
  weekdayOf,
} from '../domain/rota';
import type { ShiftStatus } from '../infra/shift.entity';

/** More shifts than this in one answer is not a board any more; the answer says it was cut. */
export const MAX_ROTA_SHIFTS = 2000;

export interface RotaQuery {
  week?: string;
  from?: string;
  to?: string;
  estateId?: string;
  locationText?: string;
  organisationId?: string;
  status?: ShiftStatus;
}

export interface RotaOrganisation {
  organisationId: string;
  name: string;
  kind: string;
  held: number;
  assigned: number;
}

export interface RotaShift extends RotaCounts {
  id: string;
  title: string;
  locationText: string | null;
  estate: { id: string; name: string } | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  status: ShiftStatus;
  version: number;
  seriesId: string | null;
  origin: { context: string; id: string } | null;
  organisations: RotaOrganisation[];
}

export interface RotaDay {
  date: string;
  weekday: number;
  totals: RotaTotals;
  shifts: RotaShift[];
}

export interface RotaView {
  from: string;
  to: string;
  week: string | null;
  timeZone: string;
  truncated: boolean;
  totals: RotaTotals;
  days: RotaDay[];
}

interface RotaRow {
  tz: string;
  id: string | null;
  title: string;
  location_text: string | null;
  estate_id: string | null;
  estate_name: string | null;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  status: ShiftStatus;
  version: number;
  series_id: string | null;
  origin_context: string | null;
  origin_id: string | null;
  capacity: number;
  confirmed_count: number;
  held_count: number;
  day: string;
  waitlisted: number;
  assigned: number;
  organisations: RotaOrganisation[];
}

/**
 * The weekly board: every shift per day (in the community's zone) with its counts, in ONE query:
 * the day bounds come from the community's zone in a CTE, and claim and reservation counts from
 * lateral subqueries per shift row, so the plan is the same for 5 shifts or 2,000 (no N+1).
 */
@Injectable()
export class RotaQueryService {
  constructor(private readonly em: EntityManager) {}

  async rota(communityId: string, query: RotaQuery): Promise<RotaView> {
    const range = rotaRange(query);
    const filters: string[] = [];
    const filterParams: unknown[] = [];
    if (query.estateId) {
      filters.push('AND s.estate_id = ?');
      filterParams.push(query.estateId);
    }
    if (query.locationText) {
      filters.push('AND s.location_text = ?');
      filterParams.push(query.locationText);
    }
    if (query.status) {
      filters.push('AND s.status = ?');
      filterParams.push(query.status);
    }
    if (query.organisationId) {
      filters.push(
        `AND EXISTS (SELECT 1 FROM organisation_reservation q
                      WHERE q.shift_id = s.id AND q.organisation_id = ? AND q.status <> 'cancelled')`,
      );
      filterParams.push(query.organisationId);
    }
    const rows = await this.em.getConnection().execute<RotaRow[]>(
      `WITH bounds AS (
         SELECT c.id AS community_id, c.time_zone AS tz,
                (?::date)::timestamp AT TIME ZONE c.time_zone AS lo,
                (?::date + 1)::timestamp AT TIME ZONE c.time_zone AS hi
           FROM community c WHERE c.id = ?
       )
       SELECT b.tz, x.*
         FROM bounds b
         LEFT JOIN LATERAL (
           SELECT s.id, s.title, s.location_text, s.estate_id, e.name AS estate_name,
                  s.starts_at, s.ends_at, s.time_zone, s.status, s.version, s.series_id,
                  s.origin_context, s.origin_id, s.capacity, s.confirmed_count, s.held_count,
                  to_char(s.starts_at AT TIME ZONE b.tz, 'YYYY-MM-DD') AS day,
                  coalesce(cl.waitlisted, 0)::int AS waitlisted,
                  coalesce(cl.assigned, 0)::int AS assigned,
                  coalesce(org.organisations, '[]'::json) AS organisations
             FROM shift s
             LEFT JOIN estate e ON e.id = s.estate_id
             LEFT JOIN LATERAL (
               SELECT count(*) FILTER (WHERE c.status = 'waitlisted') AS waitlisted,
                      count(*) FILTER (WHERE c.status = 'confirmed' AND c.reservation_id IS NOT NULL) AS assigned
                 FROM claim c
                WHERE c.shift_id = s.id AND c.status IN ('confirmed', 'waitlisted')
             ) cl ON true
             LEFT JOIN LATERAL (
               SELECT json_agg(json_build_object('organisationId', o.id, 'name', o.name, 'kind', o.kind,
                                                 'held', g.held, 'assigned', g.assigned)
                               ORDER BY o.name, o.id) AS organisations
                 FROM (
                   SELECT r.organisation_id,
                          sum(CASE WHEN r.status = 'active' THEN r.places - r.assigned_count ELSE 0 END)::int AS held,
                          sum((SELECT count(*) FROM claim a
                                WHERE a.shift_id = s.id AND a.reservation_id = r.id AND a.status = 'confirmed'))::int AS assigned
                     FROM organisation_reservation r
                    WHERE r.shift_id = s.id AND r.status <> 'cancelled'
                    GROUP BY r.organisation_id
                 ) g
                 JOIN partner_organisation o ON o.id = g.organisation_id
                WHERE g.held > 0 OR g.assigned > 0
             ) org ON true
            WHERE s.community_id = b.community_id AND s.starts_at >= b.lo AND s.starts_at < b.hi
                  ${filters.join('\n                  ')}
            ORDER BY s.starts_at, s.title, s.id
            LIMIT ?
         ) x ON true`,
      [range.from, range.to, communityId, ...filterParams, MAX_ROTA_SHIFTS + 1],
    );
    if (!rows.length) throw notFound('Community');
    const timeZone = rows[0].tz;
    const shiftRows = rows.filter((row) => row.id !== null);
    const truncated = shiftRows.length > MAX_ROTA_SHIFTS;
    const byDay = new Map<string, RotaShift[]>();
    for (const row of shiftRows.slice(0, MAX_ROTA_SHIFTS)) {
      const list = byDay.get(row.day) ?? [];
      list.push(toRotaShift(row));
      byDay.set(row.day, list);
    }
    const days = datesBetween(range.from, range.to).map((date) => {
      const shifts = byDay.get(date) ?? [];
      return { date, weekday: weekdayOf(date), totals: rotaTotals(withCounts(shifts)), shifts };
    });
    return {
      ...range,
      timeZone,
      truncated,
      totals: rotaTotals(withCounts(days.flatMap((day) => day.shifts))),
      days,
    };
  }
}

const withCounts = (shifts: RotaShift[]) => shifts.map((shift) => ({ status: shift.status, counts: shift }));

function toRotaShift(row: RotaRow): RotaShift {
  return {
    id: row.id as string,
    title: row.title,
    locationText: row.location_text,
    estate: row.estate_id ? { id: row.estate_id, name: row.estate_name ?? '' } : null,
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    timeZone: row.time_zone,
    status: row.status,
    version: row.version,
    seriesId: row.series_id,
    origin: row.origin_context && row.origin_id ? { context: row.origin_context, id: row.origin_id } : null,
    ...rotaCounts({
      status: row.status,
      capacity: row.capacity,
      confirmed: row.confirmed_count,
      held: row.held_count,
      waitlisted: row.waitlisted,
      assignedViaReservations: row.assigned,
    }),
    organisations: row.organisations,
  };
}
