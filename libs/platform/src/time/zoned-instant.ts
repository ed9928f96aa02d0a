import { Temporal } from 'temporal-polyfill';

/**
 * Instants in API answers are written as RFC 3339 with the offset of a named zone
 * (`2026-12-07T09:00:00+08:00`), so a client reads the community's wall clock straight from the
 * text and still gets the exact instant (docs/decisions/0017-answers-for-clients.md).
 *
 * Temporal's own `toString()` costs ~10 µs per instant here, too much for a page of 100 shifts on
 * every request; so a zone's offsets are read from Temporal once per zone and UTC year (its
 * transitions), and each instant then costs an array scan and one `toISOString()`.
 */

interface YearOffsets {
  /** Offset (ms, east positive) at the start of the UTC year. */
  start: number;
  /** Changes during the year, in order. */
  transitions: { at: number; offset: number }[];
}

const MINUTE = 60_000;
const zones = new Map<string, Map<number, YearOffsets>>();

function yearOffsets(timeZone: string, year: number): YearOffsets {
  const years = zones.get(timeZone) ?? new Map<number, YearOffsets>();
  let offsets = years.get(year);
  if (!offsets) {
    const end = Date.UTC(year + 1, 0, 1);
    let zoned = Temporal.Instant.fromEpochMilliseconds(Date.UTC(year, 0, 1)).toZonedDateTimeISO(timeZone);
    offsets = { start: zoned.offsetNanoseconds / 1e6, transitions: [] };
    for (;;) {
      const next = zoned.getTimeZoneTransition('next');
      if (!next || next.epochMilliseconds >= end) break;
      offsets.transitions.push({ at: next.epochMilliseconds, offset: next.offsetNanoseconds / 1e6 });
      zoned = next;
    }
    // Only after Temporal accepted the zone: a stream of made-up names must not grow the cache.
    years.set(year, offsets);
    zones.set(timeZone, years);
  }
  return offsets;
}

/** The zone's UTC offset in force at an instant, in ms (east positive). Throws for an unknown zone. */
export function offsetAt(instant: number, timeZone: string): number {
  return offsetIn(yearOffsets(timeZone, new Date(instant).getUTCFullYear()), instant);
}

function offsetIn(offsets: YearOffsets, instant: number): number {
  let offset = offsets.start;
  for (const transition of offsets.transitions) {
    if (transition.at > instant) break;
    offset = transition.offset;
  }
  return offset;
}

const offsetTexts = new Map<number, string>();

/** `+08:00` for 8 hours east; a zone has only a few offsets, so each is written once. */
function formatOffset(offset: number): string {
  let text = offsetTexts.get(offset);
  if (text === undefined) {
    text = offsetText(offset);
    offsetTexts.set(offset, text);
  }
  return text;
}

function offsetText(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.abs(offset) / MINUTE;
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${sign}${hh}:${mm}`;
}

/**
 * `2026-12-07T09:00:00+08:00`: the wall clock in `timeZone` and its offset; milliseconds only when
 * there are any. RFC 3339 offsets have no seconds, so a historic offset such as LMT +08:05:43 is
 * rounded to the minute and the wall clock written with that offset: the text still names the
 * exact instant.
 */
export function formatInstant(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  const exact = offsetIn(yearOffsets(timeZone, instant.getUTCFullYear()), ms);
  const offset = Math.round(exact / MINUTE) * MINUTE;
  const wall = new Date(ms + offset).toISOString();
  const withoutZ = ms % 1000 === 0 ? wall.slice(0, 19) : wall.slice(0, 23);
  return withoutZ + formatOffset(offset);
}

/** formatInstant, with null for a missing value. */
export function formatOptionalInstant(instant: Date | null | undefined, timeZone: string): string | null {
  return instant ? formatInstant(instant, timeZone) : null;
}
