import { Temporal } from 'temporal-polyfill';
import { formatUtcOffset, formatWallTime } from './ics-time';

/**
 * VTIMEZONE components (RFC 5545 3.6.5) built from the zone data the runtime has (Temporal over
 * Intl), for the years a feed spans. Clients that know IANA names (Google, Apple) use the TZID;
 * clients that only read the component (Thunderbird's ical.js, Outlook, some phone calendars)
 * compute offsets from it, so it has to be right for every entry in the feed.
 *
 * Observances: the transition in force when the span starts, then every transition in the span.
 * Transitions of one kind that follow a yearly "n-th weekday of a month at a wall time" rule in
 * every year of the span become one observance with an RRULE (what Outlook and Apple write), but
 * only when the zone's own data keeps to that rule for RULE_CHECK_YEARS past the span: clients
 * expand an RRULE forever, and a rule guessed from a year or two of an irregular zone (Ramadan in
 * Casablanca and Gaza, "the Friday before the last Sunday" in Jerusalem, "Sunday on or after the
 * 2nd" in Santiago) is wrong in later years. Anything else is one observance per kind and offset
 * pair whose onsets are DTSTART plus RDATEs: exact for the years covered, no guess past them.
 * A zone with no transition in the span (Asia/Shanghai) gets a single STANDARD with the same
 * offset on both sides.
 */

const DAY = 86_400_000;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
/** How far past the span a yearly rule must match the zone's data to be written as an RRULE. */
const RULE_CHECK_YEARS = 30;
/** The fixed onset clients expect of a zone with one offset. */
const EPOCH_ONSET = '19700101T000000';

interface Transition {
  /** Instant of the change. */
  at: number;
  /** Offsets before and after, ms east of UTC. */
  from: number;
  to: number;
}

interface Observance {
  kind: 'STANDARD' | 'DAYLIGHT';
  from: number;
  to: number;
  /** Local (wall-time) onsets, in the offset before the change, as local ms. */
  onsets: number[];
}

const cache = new Map<string, string[]>();

/**
 * The VTIMEZONE's content lines (unfolded) for a zone over whole UTC years fromYear..toYear.
 * Memoised: zone data never changes within a process. Throws RangeError for an unknown zone.
 */
export function vtimezoneLines(zone: string, fromYear: number, toYear: number): string[] {
  const key = `${zone}\u0000${fromYear}\u0000${toYear}`;
  let lines = cache.get(key);
  if (!lines) {
    lines = buildVTimezone(zone, fromYear, toYear);
    cache.set(key, lines);
  }
  return lines;
}

function buildVTimezone(zone: string, fromYear: number, toYear: number): string[] {
  const spanStart = Date.UTC(fromYear, 0, 1);
  const spanEnd = Date.UTC(toYear + 1, 0, 1);
  const start = Temporal.Instant.fromEpochMilliseconds(spanStart).toZonedDateTimeISO(zone);
  const offsetAtStart = start.offsetNanoseconds / 1e6;
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, `X-LIC-LOCATION:${zone}`];

  // Years past the span as well: whether a change is daylight saving shows in the change after
  // it, and whether a yearly rule holds shows in the years after the span.
  const ahead = transitionsBetween(start, offsetAtStart, Date.UTC(toYear + 1 + RULE_CHECK_YEARS, 0, 1));
  const within = ahead.filter((t) => t.at < spanEnd + 400 * DAY);
  if (!within.some((t) => t.at < spanEnd)) {
    lines.push(
      'BEGIN:STANDARD',
      `DTSTART:${EPOCH_ONSET}`,
      `TZOFFSETFROM:${formatUtcOffset(offsetAtStart)}`,
      `TZOFFSETTO:${formatUtcOffset(offsetAtStart)}`,
      'END:STANDARD',
      'END:VTIMEZONE',
    );
    return lines;
  }

  const previous = start.getTimeZoneTransition('previous');
  const all: Transition[] = [];
  if (previous) {
    const at = previous.epochMilliseconds;
    const from =
      Temporal.Instant.fromEpochMilliseconds(at - 1).toZonedDateTimeISO(zone).offsetNanoseconds / 1e6;
    all.push({ at, from, to: previous.offsetNanoseconds / 1e6 });
  }
  all.push(...within);

  const groups = new Map<string, Observance>();
  for (const [i, t] of all.entries()) {
    if (t.at >= spanEnd) break;
    const next = all[i + 1];
    // Daylight saving: the offset goes up and comes back down within a year.
    const daylight = t.to > t.from && next !== undefined && next.to < t.to && next.at - t.at < 366 * DAY;
    const kind = daylight ? 'DAYLIGHT' : 'STANDARD';
    const key = `${kind} ${t.from} ${t.to}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { kind, from: t.from, to: t.to, onsets: [] }));
    group.onsets.push(t.at + t.from);
  }

  // One irregular change makes the whole zone irregular: a rule for the other change alone would
  // still be wrong past the span, where the irregular one is missing.
  const rules = [...groups.values()].map((group) => {
    const later = ahead
      .filter((t) => t.at >= spanEnd && t.from === group.from && t.to === group.to)
      .map((t) => t.at + t.from);
    return yearlyRule(group.onsets, toYear, later);
  });
  const regular = rules.every((rule) => rule !== undefined);

  const blocks: { onset: number; lines: string[] }[] = [];
  for (const [i, group] of [...groups.values()].entries()) {
    const first = group.onsets[0];
    // The first onset is an RDATE too (a recurrence set ignores the repeat): ical.js (Thunderbird)
    // reads only the RDATEs of an observance that has any, not its DTSTART.
    const repeat = regular
      ? [`RRULE:${rules[i]}`]
      : group.onsets.map((onset) => `RDATE:${formatWallTime(onset)}`);
    blocks.push({
      onset: first,
      lines: [
        `BEGIN:${group.kind}`,
        `DTSTART:${formatWallTime(first)}`,
        ...repeat,
        `TZOFFSETFROM:${formatUtcOffset(group.from)}`,
        `TZOFFSETTO:${formatUtcOffset(group.to)}`,
        `END:${group.kind}`,
      ],
    });
  }
  blocks.sort((a, b) => a.onset - b.onset);
  for (const block of blocks) lines.push(...block.lines);
  lines.push('END:VTIMEZONE');
  return lines;
}

function transitionsBetween(start: Temporal.ZonedDateTime, offsetAtStart: number, end: number): Transition[] {
  const transitions: Transition[] = [];
  let from = offsetAtStart;
  let cursor = start;
  for (;;) {
    const next = cursor.getTimeZoneTransition('next');
    if (!next || next.epochMilliseconds >= end) break;
    const to = next.offsetNanoseconds / 1e6;
    if (to !== from) transitions.push({ at: next.epochMilliseconds, from, to });
    from = to;
    cursor = next;
  }
  return transitions;
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/**
 * `FREQ=YEARLY;BYMONTH=3;BYDAY=2SU` when the onsets are one per year, every year from the first
 * to lastYear, each on the same n-th (or last) weekday of the same month at the same wall time,
 * and the zone's onsets of the same change for RULE_CHECK_YEARS after lastYear (`later`) are
 * exactly what the rule gives; otherwise undefined.
 */
function yearlyRule(onsets: number[], lastYear: number, later: number[]): string | undefined {
  const first = new Date(onsets[0]);
  const month = first.getUTCMonth();
  const weekday = first.getUTCDay();
  const timeOfDay = onsets[0] - Date.UTC(first.getUTCFullYear(), month, first.getUTCDate());
  const firstYear = first.getUTCFullYear();
  if (onsets.length !== lastYear - firstYear + 1) return undefined;

  let allLast = true;
  let nth: number | undefined = Math.ceil(first.getUTCDate() / 7);
  for (const [i, onset] of onsets.entries()) {
    const d = new Date(onset);
    const year = d.getUTCFullYear();
    if (
      year !== firstYear + i ||
      d.getUTCMonth() !== month ||
      d.getUTCDay() !== weekday ||
      onset - Date.UTC(year, month, d.getUTCDate()) !== timeOfDay
    ) {
      return undefined;
    }
    if (d.getUTCDate() + 7 <= daysInMonth(year, month)) allLast = false;
    if (Math.ceil(d.getUTCDate() / 7) !== nth) nth = undefined;
  }
  const ordinal = allLast ? -1 : nth !== undefined && nth <= 4 ? nth : undefined;
  if (ordinal === undefined) return undefined;

  const expected: number[] = [];
  for (let year = lastYear + 1; year <= lastYear + RULE_CHECK_YEARS; year++) {
    expected.push(Date.UTC(year, month, nthWeekday(year, month, weekday, ordinal)) + timeOfDay);
  }
  if (expected.length !== later.length || expected.some((onset, i) => onset !== later[i])) return undefined;
  return `FREQ=YEARLY;BYMONTH=${month + 1};BYDAY=${ordinal}${WEEKDAYS[weekday]}`;
}

/** Day of the month of the n-th (1..4) or last (-1) `weekday` of a month. */
function nthWeekday(year: number, month: number, weekday: number, ordinal: number): number {
  if (ordinal > 0) {
    const firstWeekday = new Date(Date.UTC(year, month, 1)).getUTCDay();
    return 1 + ((weekday - firstWeekday + 7) % 7) + 7 * (ordinal - 1);
  }
  const last = daysInMonth(year, month);
  const lastWeekday = new Date(Date.UTC(year, month, last)).getUTCDay();
  return last - ((lastWeekday - weekday + 7) % 7);
}
