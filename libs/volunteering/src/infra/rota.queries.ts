import { Injectable } from '@nestjs/common';
import { SqlDatabase } from '@linli/platform';
import type { ShiftStatus } from './shift.entity';

export interface RotaOrganisation {
  organisationId: string;
  name: string;
  kind: string;
  held: number;
  assigned: number;
}

/** Someone on a shift (confirmed, waitlisted, or attended): who, how to reach them, their place. */
export interface RotaPerson {
  claimId: string;
  personId: string;
  name: string;
  phone: string | null;
  status: 'confirmed' | 'waitlisted' | 'completed' | 'no_show';
  checkedIn: boolean;
  /** The organisation whose reserved place they hold; null for an individual claim. */
  organisationId: string | null;
}

/**
 * Whose names and phone numbers a caller sees on the board: organisers everyone's; coordinators
 * their organisation's active members'; volunteers only their own.
 */
export type RotaViewer =
  | { sees: 'everyone' }
  | { sees: 'members'; organisationId: string }
  | { sees: 'self'; personId: string | null };

/** One row per shift of the range (or one row of nulls but the zone when there is none). */
export interface RotaRow {
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
  /** The shift's date in the community's zone, YYYY-MM-DD. */
  day: string;
  waitlisted: number;
  assigned: number;
  organisations: RotaOrganisation[];
  people: RotaPerson[];
}

export interface RotaFilter {
  estateId?: string;
  locationText?: string;
  organisationId?: string;
  status?: ShiftStatus;
}

/**
 * The weekly board's one statement: the day bounds come from the community's zone in a CTE, and
 * claim and reservation counts from lateral subqueries per shift row, with the people the viewer may
 * see. Estates, organisations, people, memberships and the community's zone are read through
 * identity's published views.
 */
@Injectable()
export class RotaQueries {
  constructor(private readonly db: SqlDatabase) {}

  /** Shifts starting on the days [from, to] (dates in the community's zone); no rows: no such community. */
  async rota(
    communityId: string,
    range: { from: string; to: string },
    filter: RotaFilter,
    viewer: RotaViewer,
    limit: number,
  ): Promise<RotaRow[]> {
    const params: unknown[] = [range.from, range.to, communityId, limit];
    const param = (value: unknown) => `$${params.push(value)}`;
    const visible =
      viewer.sees === 'everyone'
        ? 'true'
        : viewer.sees === 'members'
          ? `EXISTS (SELECT 1 FROM identity_membership_v1 m
                      WHERE m.person_id = c.person_id AND m.organisation_id = ${param(viewer.organisationId)}
                        AND m.active)`
          : `c.person_id = ${param(viewer.personId)}::uuid`;
    const filters: string[] = [];
    if (filter.estateId) filters.push(`AND s.estate_id = ${param(filter.estateId)}`);
    if (filter.locationText) filters.push(`AND s.location_text = ${param(filter.locationText)}`);
    if (filter.status) filters.push(`AND s.status = ${param(filter.status)}`);
    if (filter.organisationId) {
      filters.push(
        `AND EXISTS (SELECT 1 FROM organisation_reservation q
                      WHERE q.shift_id = s.id AND q.organisation_id = ${param(filter.organisationId)}
                        AND q.status <> 'cancelled')`,
      );
    }
    return this.db.query<RotaRow>(
      `WITH bounds AS (
         SELECT c.id AS community_id, c.time_zone AS tz,
                ($1::date)::timestamp AT TIME ZONE c.time_zone AS lo,
                ($2::date + 1)::timestamp AT TIME ZONE c.time_zone AS hi
           FROM identity_community_v1 c WHERE c.id = $3
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
                  coalesce(org.organisations, '[]'::json) AS organisations,
                  coalesce(ppl.people, '[]'::json) AS people
             FROM shift s
             LEFT JOIN identity_estate_v1 e ON e.id = s.estate_id
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
                 JOIN identity_partner_organisation_v1 o ON o.id = g.organisation_id
                WHERE g.held > 0 OR g.assigned > 0
             ) org ON true
             LEFT JOIN LATERAL (
               SELECT json_agg(json_build_object('claimId', c.id, 'personId', c.person_id, 'name', p.name,
                                                 'phone', p.phone, 'status', c.status,
                                                 'checkedIn', c.checked_in_at IS NOT NULL,
                                                 'organisationId', r.organisation_id)
                               ORDER BY c.status, c.created_at, c.id) AS people
                 FROM claim c
                 JOIN identity_person_v1 p ON p.id = c.person_id
                 LEFT JOIN organisation_reservation r ON r.id = c.reservation_id
                WHERE c.shift_id = s.id AND c.status <> 'cancelled' AND ${visible}
             ) ppl ON true
            WHERE s.community_id = b.community_id AND s.starts_at >= b.lo AND s.starts_at < b.hi
                  ${filters.join('\n                  ')}
            ORDER BY s.starts_at, s.title, s.id
            LIMIT $4
         ) x ON true`,
      params,
    );
  }
}
