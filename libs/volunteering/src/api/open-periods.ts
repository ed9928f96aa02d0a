import { addDays } from '../domain/rota';
import { isoWeek, wallClock } from '../domain/claim-rules';
import { MAX_REPORT_DAYS, type ReportPeriod } from '../domain/hours-report';

/**
 * Defaults for the ranges a request may leave open (issue 10, item 15), all in the community's
 * calendar (its zone), from the clock's `now`:
 * - rota: nothing → the current ISO week; only `from` → 7 days from it; only `to` → the 7 days ending on it.
 * - hours: nothing → 1 January of this year to today; only `to` → 1 January of `to`'s year to `to`;
 *   only `from` → to today, or to the last day of the 366 days from `from` when today is outside them.
 */
export function todayIn(now: Date, timeZone: string): string {
  return wallClock(now, timeZone).slice(0, 10);
}

export function withRotaDefaults<Q extends { week?: string; from?: string; to?: string }>(
  query: Q,
  now: Date,
  timeZone: string,
): Q {
  if (query.week || (query.from && query.to)) return query;
  if (query.from) return { ...query, to: addDays(query.from, 6) };
  if (query.to) return { ...query, from: addDays(query.to, -6) };
  return { ...query, week: isoWeek(now, timeZone) };
}

export function reportPeriodOf(
  query: { from?: string; to?: string },
  now: Date,
  timeZone: string,
): ReportPeriod {
  const today = todayIn(now, timeZone);
  if (query.from && query.to) return { from: query.from, to: query.to };
  if (query.to) return { from: `${query.to.slice(0, 4)}-01-01`, to: query.to };
  if (query.from) {
    const last = addDays(query.from, MAX_REPORT_DAYS - 1);
    return { from: query.from, to: today >= query.from && today <= last ? today : last };
  }
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}
