import { DomainError } from '@linli/platform/domain-error';

const DAY = 24 * 60 * 60_000;

/** The longest range one rota answer covers (a month view). */
export const MAX_ROTA_DAYS = 31;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** A calendar date as written, e.g. 2026-11-30; days count with no zone involved. */
export function isLocalDate(text: string): boolean {
  const match = LOCAL_DATE.exec(text);
  if (!match) return false;
  const ms = Date.UTC(+match[1], +match[2] - 1, +match[3]);
  return new Date(ms).toISOString().slice(0, 10) === text;
}

const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY;
const fromDayNumber = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function weekdayOf(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let day = dayNumber(from); day <= dayNumber(to); day++) dates.push(fromDayNumber(day));
  return dates;
}

/** Monday and Sunday of an ISO 8601 week, e.g. 2026-W49 is 2026-11-30 to 2026-12-06. */
export function isoWeekDates(week: string): { from: string; to: string } {
  const match = ISO_WEEK.exec(week);
  const invalid = () =>
    new DomainError('VALIDATION_FAILED', `"${week}" is not an ISO week such as 2026-W49`, [
      { field: 'week', message: 'an ISO week such as 2026-W49' },
    ]);
  if (!match) throw invalid();
  const year = Number(match[1]);
  const number = Number(match[2]);
  // 4 January is always in week 1; week 1 starts on the Monday on or before it.
  const mondayOfWeekOne = (y: number) => {
    const jan4 = Date.UTC(y, 0, 4) / DAY;
    return jan4 - ((new Date(jan4 * DAY).getUTCDay() + 6) % 7);
  };
  const weeks = (mondayOfWeekOne(year + 1) - mondayOfWeekOne(year)) / 7;
  if (number < 1 || number > weeks) throw invalid();
  const monday = mondayOfWeekOne(year) + (number - 1) * 7;
  return { from: fromDayNumber(monday), to: fromDayNumber(monday + 6) };
}

/** The dates a rota request covers: an ISO week, or from/to (both included), at most MAX_ROTA_DAYS. */
export function rotaRange(query: { week?: string; from?: string; to?: string }): {
  from: string;
  to: string;
  week: string | null;
} {
  if (query.week) return { ...isoWeekDates(query.week), week: query.week };
  const { from, to } = query;
  if (!from || !to)
    throw new DomainError('VALIDATION_FAILED', 'give week, or both from and to', [
      { field: from ? 'to' : 'from', message: 'required without week' },
    ]);
  const days = dayNumber(to) - dayNumber(from) + 1;
  if (days < 1 || days > MAX_ROTA_DAYS)
    throw new DomainError('VALIDATION_FAILED', `to must be from 0 to ${MAX_ROTA_DAYS - 1} days after from`, [
      { field: 'to', message: `within ${MAX_ROTA_DAYS} days of from` },
    ]);
  return { from, to, week: null };
}

/** What the rota reads for one shift. */
export interface RotaCountsInput {
  status: 'open' | 'cancelled';
  capacity: number;
  /** Confirmed people, individual and organisation-assigned (the shift's counter). */
  confirmed: number;
  /** Places organisations hold but have not assigned (the shift's counter). */
  held: number;
  waitlisted: number;
  /** Confirmed people who came through an organisation's reservation. */
  assignedViaReservations: number;
}

export interface RotaCounts {
  capacity: number;
  confirmed: number;
  waitlisted: number;
  held: number;
  assignedViaReservations: number;
  /** Places organisations took: held plus assigned. */
  reservedByOrganisations: number;
  /** Places nobody has: neither a confirmed person nor an organisation's hold. Zero when cancelled. */
  unfilled: number;
}

export function rotaCounts(input: RotaCountsInput): RotaCounts {
  return {
    capacity: input.capacity,
    confirmed: input.confirmed,
    waitlisted: input.waitlisted,
    held: input.held,
    assignedViaReservations: input.assignedViaReservations,
    reservedByOrganisations: input.held + input.assignedViaReservations,
    unfilled: input.status === 'cancelled' ? 0 : Math.max(0, input.capacity - input.confirmed - input.held),
  };
}

export interface RotaTotals {
  shifts: number;
  capacity: number;
  confirmed: number;
  waitlisted: number;
  reservedByOrganisations: number;
  unfilled: number;
}

/** Sums for a day or a range; cancelled shifts are left out (nobody needs to staff them). */
export function rotaTotals(shifts: { status: 'open' | 'cancelled'; counts: RotaCounts }[]): RotaTotals {
  const totals: RotaTotals = {
    shifts: 0,
    capacity: 0,
    confirmed: 0,
    waitlisted: 0,
    reservedByOrganisations: 0,
    unfilled: 0,
  };
  for (const { status, counts } of shifts) {
    if (status === 'cancelled') continue;
    totals.shifts += 1;
    totals.capacity += counts.capacity;
    totals.confirmed += counts.confirmed;
    totals.waitlisted += counts.waitlisted;
    totals.reservedByOrganisations += counts.reservedByOrganisations;
    totals.unfilled += counts.unfilled;
  }
  return totals;
}
