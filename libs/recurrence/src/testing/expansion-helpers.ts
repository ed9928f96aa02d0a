// Test support for the recurrence engine's table-driven specs: expand a rule in a zone over a window and
// read the result back as strings. Not part of the engine (excluded from the build with the other testing/).
import { Temporal } from 'temporal-polyfill';
import { expandSeries } from '../expand/expand-series';
import type { Occurrence, SeriesDefinition } from '../expand/occurrence';
import { formatLocal, formatOffset } from '../time/local-date-time';

const DAY_MS = 86_400_000;
/** The engine takes windows of at most 10 years; 3650 days is below that however years are counted. */
const MAX_WINDOW_MS = 3650 * DAY_MS;

/** Epoch ms of an ISO 8601 instant with an offset or Z, e.g. `1997-12-24T00:00:00Z`. */
export function instant(iso: string): number {
  if (!/(Z|[+-]\d\d:\d\d)$/.test(iso)) throw new Error(`"${iso}" needs an offset or Z`);
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`"${iso}" is not an ISO instant`);
  return ms;
}

/**
 * The instant of a local wall time in a zone by RFC 5545 rules, computed with Temporal (not the engine):
 * a time in a gap moves forward by the gap, an ambiguous time takes the earlier offset.
 */
export function zonedInstant(local: string, zone: string): number {
  return Temporal.PlainDateTime.from(local).toZonedDateTime(zone, { disambiguation: 'compatible' })
    .epochMilliseconds;
}

/** `1997-09-02T09:00:00` */
export const local = (o: Occurrence): string => formatLocal(o.start);
/** `1997-09-02T09:00:00-04:00` */
export const localWithOffset = (o: Occurrence): string => formatLocal(o.start) + formatOffset(o.startOffset);
/** `1997-09-02T13:00:00Z` */
export const utc = (o: Occurrence): string => new Date(o.startInstant).toISOString().replace('.000Z', 'Z');

/** Where to look for occurrences: a window of instants (ISO, with offset or Z), or the first N. */
export type Bound = { from?: string; to: string } | { first: number };

export interface SeriesExtras {
  exdates?: string[];
  rdates?: string[];
  duration?: string;
}

/**
 * Expands `rrule` from `dtstart` (local wall time) in `zone`. With `{ to }` (and optional `from`, default a
 * day before DTSTART) the window is cut into pieces the engine accepts and the pieces are concatenated; every
 * piece must come back complete. With `{ first: n }` one window starting at DTSTART is asked for n
 * occurrences.
 */
export function expandRule(
  rrule: string,
  dtstart: string,
  zone: string,
  bound: Bound,
  extras: SeriesExtras = {},
): Occurrence[] {
  const series: SeriesDefinition = { rrule, dtstart, timeZone: zone, ...extras };
  const start = zonedInstant(dtstart, zone) - DAY_MS;
  if ('first' in bound) {
    const result = expandSeries(series, { from: start, to: start + MAX_WINDOW_MS, limit: bound.first });
    return result.occurrences;
  }
  const from = bound.from ? instant(bound.from) : start;
  const to = instant(bound.to);
  const occurrences: Occurrence[] = [];
  for (let pieceFrom = from; pieceFrom < to; pieceFrom += MAX_WINDOW_MS) {
    const pieceTo = Math.min(pieceFrom + MAX_WINDOW_MS, to);
    const result = expandSeries(series, { from: pieceFrom, to: pieceTo, limit: 5000 });
    if (result.truncated) throw new Error(`expansion of ${rrule} was truncated; use a smaller window`);
    occurrences.push(...result.occurrences);
  }
  return occurrences;
}

/** The local start times (`1997-09-02T09:00:00`) of `expandRule`. */
export function expandToLocal(
  rrule: string,
  dtstart: string,
  zone: string,
  bound: Bound,
  extras?: SeriesExtras,
): string[] {
  return expandRule(rrule, dtstart, zone, bound, extras).map(local);
}

/** A window end comfortably after the last expected occurrence (a year), so that extra ones would show. */
export function aYearAfter(lastLocal: string | undefined, dtstart: string): string {
  const base = Date.parse(`${lastLocal ?? dtstart}Z`);
  return new Date(base + 366 * DAY_MS).toISOString();
}

/** Inclusive integer range with a step: range(2, 10, 2) is [2, 4, 6, 8, 10]. */
export function range(first: number, last: number, step = 1): number[] {
  const out: number[] = [];
  for (let n = first; n <= last; n += step) out.push(n);
  return out;
}

/** Local date-times with an offset: at('1997-09', [2, 3], '-04:00') is ['1997-09-02T09:00:00-04:00', ...]. */
export function at(month: string, days: number[], offset: string, time = '09:00:00'): string[] {
  return days.map((day) => `${month}-${String(day).padStart(2, '0')}T${time}${offset}`);
}
