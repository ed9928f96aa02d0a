import { Injectable } from '@nestjs/common';
import { SqlDatabase } from '@linli/platform';
import type { ReservationStatus } from './organisation-reservation.entity';
import type { ShiftStatus } from './shift.entity';

/** An organisation's block of places, with the shift and the organisation a list shows. */
export interface ReservationListRow {
  id: string;
  shift_id: string;
  organisation_id: string;
  places: number;
  assigned_count: number;
  status: ReservationStatus;
  release_at: Date;
  created_at: Date;
  title: string;
  location_text: string | null;
  estate_id: string | null;
  estate_name: string | null;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  shift_status: ShiftStatus;
  organisation_name: string;
  organisation_kind: string;
  /** Matching reservations on all pages. */
  total: number;
}

export interface ReservationFilter {
  organisationId?: string;
  shiftId?: string;
  status?: ReservationStatus;
  /** Shifts starting at or after this instant… */
  from?: Date;
  /** …and before this one. */
  to?: Date;
}

/** The orders a list may ask for, by the shift's start, the block's creation or its release. */
const ORDER_BY: Record<string, string> = {
  startsAt: 's.starts_at ASC, r.id ASC',
  '-startsAt': 's.starts_at DESC, r.id ASC',
  createdAt: 'r.created_at ASC, r.id ASC',
  '-createdAt': 'r.created_at DESC, r.id ASC',
  releaseAt: 'r.release_at ASC, r.id ASC',
  '-releaseAt': 'r.release_at DESC, r.id ASC',
};
export const RESERVATION_SORTS = Object.keys(ORDER_BY) as [string, ...string[]];

/** Pages of organisation reservations with their shift and organisation, in one statement. */
@Injectable()
export class ReservationQueries {
  constructor(private readonly db: SqlDatabase) {}

  /** One page and the total (from the page's own rows; one more count only past the last page). */
  async list(
    communityId: string,
    filter: ReservationFilter,
    page: { page: number; pageSize: number; sort: string },
  ): Promise<{ rows: ReservationListRow[]; total: number }> {
    const params: unknown[] = [communityId];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = ['r.community_id = $1'];
    if (filter.organisationId) where.push(`r.organisation_id = ${param(filter.organisationId)}`);
    if (filter.shiftId) where.push(`r.shift_id = ${param(filter.shiftId)}`);
    if (filter.status) where.push(`r.status = ${param(filter.status)}`);
    if (filter.from) where.push(`s.starts_at >= ${param(filter.from)}`);
    if (filter.to) where.push(`s.starts_at < ${param(filter.to)}`);
    const from = `FROM organisation_reservation r
         JOIN shift s ON s.id = r.shift_id
         JOIN identity_partner_organisation_v1 o ON o.id = r.organisation_id
         LEFT JOIN identity_estate_v1 e ON e.id = s.estate_id
        WHERE ${where.join(' AND ')}`;
    const rows = await this.db.query<ReservationListRow>(
      `SELECT r.id, r.shift_id, r.organisation_id, r.places, r.assigned_count, r.status, r.release_at,
              r.created_at, s.title, s.location_text, s.estate_id, e.name AS estate_name, s.starts_at,
              s.ends_at, s.time_zone, s.status AS shift_status, o.name AS organisation_name,
              o.kind AS organisation_kind, count(*) OVER ()::int AS total
         ${from}
        ORDER BY ${ORDER_BY[page.sort] ?? ORDER_BY.startsAt}
        LIMIT ${param(page.pageSize)} OFFSET ${param((page.page - 1) * page.pageSize)}`,
      params,
    );
    if (rows.length || page.page === 1) return { rows, total: rows[0]?.total ?? 0 };
    const [count] = await this.db.query<{ total: number }>(
      `SELECT count(*)::int AS total ${from}`,
      params.slice(0, -2),
    );
    return { rows, total: count.total };
  }
}
