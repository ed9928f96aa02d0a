import { Injectable } from '@nestjs/common';
import { notFound, type Actor } from '@linli/platform';
import {
  RotaCounts,
  RotaTotals,
  datesBetween,
  rotaCounts,
  rotaRange,
  rotaTotals,
  weekdayOf,
} from '../../domain/rota';
import {
  RotaQueries,
  type RotaOrganisation,
  type RotaPerson,
  type RotaRow,
  type RotaViewer,
} from '../../infra/rota.queries';
import type { ShiftStatus } from '../../infra/shift.entity';

export type { RotaOrganisation, RotaPerson };

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

export interface RotaShift extends RotaCounts {
  id: string;
  title: string;
  locationText: string | null;
  estate: { id: string; name: string } | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  status: ShiftStatus;
  version: number;
  seriesId: string | null;
  origin: { context: string; id: string } | null;
  organisations: RotaOrganisation[];
  /** Those on the shift whose names and phones the caller may see (rotaViewerOf). */
  people: RotaPerson[];
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

/**
 * The weekly board: every shift per day (in the community's zone) with its counts, in ONE query
 * (RotaQueries.rota), so the plan is the same for 5 shifts or 2,000 (no N+1).
 */
@Injectable()
export class RotaQueryService {
  constructor(private readonly queries: RotaQueries) {}

  async rota(actor: Actor, query: RotaQuery): Promise<RotaView> {
    const range = rotaRange(query);
    const rows = await this.queries.rota(
      actor.communityId,
      range,
      query,
      rotaViewerOf(actor),
      MAX_ROTA_SHIFTS + 1,
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

/** Organisers see everyone on the board; coordinators their members; volunteers themselves. */
export function rotaViewerOf(actor: Actor): RotaViewer {
  if (actor.role === 'organiser') return { sees: 'everyone' };
  if (actor.role === 'coordinator' && actor.organisationId)
    return { sees: 'members', organisationId: actor.organisationId };
  return { sees: 'self', personId: actor.personId ?? null };
}

const withCounts = (shifts: RotaShift[]) => shifts.map((shift) => ({ status: shift.status, counts: shift }));

function toRotaShift(row: RotaRow): RotaShift {
  return {
    id: row.id as string,
    title: row.title,
    locationText: row.location_text,
    estate: row.estate_id ? { id: row.estate_id, name: row.estate_name ?? '' } : null,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
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
    people: row.people,
  };
}
