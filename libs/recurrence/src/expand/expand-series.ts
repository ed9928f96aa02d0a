import { RecurrenceError } from '../errors';
import { HolidayCalendar, NO_HOLIDAYS } from '../holidays/holiday-calendar';
import { RecurrenceRule, parseRecurrenceRule } from '../rule/recurrence-rule';
import {
  DAY,
  Duration,
  HOUR,
  LocalMs,
  parseDuration,
  parseLocalDateTime,
  startOfLocalDay,
} from '../time/local-date-time';
import { ZoneRules } from '../time/zone-rules';
import type { Candidate, LocalRange } from './candidate';
import { gregorianCandidates } from './gregorian';
import { MAX_MOVE_DAYS, applyHolidayPolicy, assertPolicyApplies } from './holiday-policy';
import { lunarCandidates } from './lunar';
import {
  ExpansionResult,
  ExpansionWindow,
  LIMITS,
  Occurrence,
  SeriesDefinition,
  SkippedOccurrence,
} from './occurrence';

/** Local wall times are within 14 hours of their instants (UTC-12 .. UTC+14). */
const MAX_OFFSET = 14 * HOUR;
// Ten calendar years, whatever their leap days.
const MAX_WINDOW = (LIMITS.maxWindowYears * 366 + 1) * DAY;
const NO_DURATION: Duration = { days: 0, milliseconds: 0 };

/**
 * Expands a series into its occurrences inside a window: RRULE (Gregorian or lunar), RDATE,
 * EXDATE, overrides and the holiday policy, with wall times resolved in the series' zone (RFC 5545:
 * expand in local time, gaps move forward, ambiguous times take the earlier offset).
 */
export function expandSeries(
  series: SeriesDefinition,
  window: ExpansionWindow,
  holidays: HolidayCalendar = NO_HOLIDAYS,
): ExpansionResult {
  const limit = checkWindow(window);
  const zone = ZoneRules.for(series.timeZone);
  const dtstart = parseLocalDateTime(series.dtstart, 'dtstart');
  const rule = series.rrule ? parseRecurrenceRule(series.rrule) : undefined;
  const duration = series.duration ? parseDuration(series.duration) : NO_DURATION;
  const policy = series.holidayPolicy ?? 'ignore';
  assertPolicyApplies(policy, rule);
  for (const [name, list] of [
    ['rdates', series.rdates],
    ['exdates', series.exdates],
    ['overrides', series.overrides],
  ] as const) {
    if ((list?.length ?? 0) > LIMITS.maxListEntries) {
      throw new RecurrenceError(
        'RECURRENCE_LIMIT',
        `${name}: at most ${LIMITS.maxListEntries} entries`,
        name,
      );
    }
  }
  const overrides = new Map(
    (series.overrides ?? []).map((o) => [parseLocalDateTime(o.recurrenceId, 'overrides.recurrenceId'), o]),
  );
  const range = generationRange(window, policy === 'move_to_next_workday', [...overrides.keys()]);
  const until = untilBounds(rule, zone);

  let candidates = ruleCandidates(rule, dtstart, range, until.local);
  if (until.instant !== undefined)
    candidates = candidates.filter((c) => zone.resolve(c.start).instant <= until.instant!);
  candidates = withExtraDates(candidates, series.rdates ?? [], range);

  const skipped: SkippedOccurrence[] = [];
  const exdates = parseExdates(series.exdates ?? []);
  const plain: Candidate[] = [];
  const changed: Candidate[] = [];
  for (const candidate of candidates) {
    if (
      exdates.times.has(candidate.recurrenceId) ||
      exdates.days.has(startOfLocalDay(candidate.recurrenceId))
    ) {
      skipped.push({ recurrenceId: candidate.recurrenceId, reason: 'exdate' });
      continue;
    }
    const override = overrides.get(candidate.recurrenceId);
    if (!override) {
      plain.push(candidate);
    } else if (override.cancelled) {
      skipped.push({ recurrenceId: candidate.recurrenceId, reason: 'cancelled' });
    } else {
      // An organiser's change to one occurrence is theirs: holiday policies leave it alone.
      const start = override.start ? parseLocalDateTime(override.start, 'overrides.start') : candidate.start;
      changed.push({ ...candidate, start, flags: [...candidate.flags, 'overridden'] });
    }
  }

  const policyRange = {
    from: Math.max(range.from, dtstart),
    to: until.local === undefined ? range.to : Math.min(range.to, until.local),
  };
  const placed = applyHolidayPolicy(plain, policy, holidays, {
    timesOfDay: timesOfDay(rule, dtstart),
    range: policyRange,
  });
  skipped.push(...placed.skipped);

  const durations = new Map<LocalMs, Duration>();
  for (const [recurrenceId, override] of overrides) {
    if (override.duration)
      durations.set(recurrenceId, parseDuration(override.duration, 'overrides.duration'));
  }
  const occurrences: Occurrence[] = [];
  for (const candidate of [...placed.kept, ...changed]) {
    const occurrence = place(candidate, durations.get(candidate.recurrenceId) ?? duration, zone);
    if (occurrence.startInstant >= window.from && occurrence.startInstant < window.to)
      occurrences.push(occurrence);
  }
  occurrences.sort((a, b) => a.startInstant - b.startInstant || a.recurrenceId - b.recurrenceId);
  dropSameInstant(occurrences);
  const inWindow = skipped.filter((s) => {
    const instant = zone.resolve(s.recurrenceId).instant;
    return instant >= window.from && instant < window.to;
  });
  inWindow.sort((a, b) => a.recurrenceId - b.recurrenceId);
  return {
    occurrences: occurrences.slice(0, limit),
    skipped: inWindow,
    truncated: occurrences.length > limit,
  };
}

/**
 * On a spring-forward day an hourly rule yields 02:00 (moved to 03:00 by the gap) and 03:00: one
 * instant, so one occurrence (the one the rule placed there, not the moved one).
 */
function dropSameInstant(sorted: Occurrence[]): void {
  let write = 0;
  for (let read = 0; read < sorted.length; read++) {
    const previous = write > 0 ? sorted[write - 1] : undefined;
    if (previous && previous.startInstant === sorted[read].startInstant) {
      if (previous.flags.includes('dst_gap_shifted') && !sorted[read].flags.includes('dst_gap_shifted'))
        sorted[write - 1] = sorted[read];
      continue;
    }
    sorted[write++] = sorted[read];
  }
  sorted.length = write;
}

function checkWindow(window: ExpansionWindow): number {
  if (!Number.isFinite(window.from) || !Number.isFinite(window.to) || window.to <= window.from) {
    throw new RecurrenceError('RECURRENCE_LIMIT', 'the window must end after it starts', 'to');
  }
  if (window.to - window.from > MAX_WINDOW) {
    throw new RecurrenceError(
      'RECURRENCE_LIMIT',
      `the window may span at most ${LIMITS.maxWindowYears} years`,
      'to',
    );
  }
  const limit = window.limit ?? LIMITS.defaultOccurrences;
  if (!Number.isInteger(limit) || limit < 1 || limit > LIMITS.maxOccurrences) {
    throw new RecurrenceError('RECURRENCE_LIMIT', `limit must be 1..${LIMITS.maxOccurrences}`, 'limit');
  }
  return limit;
}

/** The local span to generate: the window widened by the largest UTC offset, moves and overrides. */
function generationRange(window: ExpansionWindow, moves: boolean, overrideIds: LocalMs[]): LocalRange {
  let from = window.from - MAX_OFFSET - (moves ? MAX_MOVE_DAYS * DAY : 0);
  let to = window.to + MAX_OFFSET;
  // An override can move an occurrence into the window from up to a year away.
  for (const id of overrideIds) {
    if (id >= from - 366 * DAY && id < from) from = id;
    if (id <= to + 366 * DAY && id > to) to = id;
  }
  return { from, to };
}

/** UNTIL as a local bound for iteration and, unless it is a date, as the instant to compare. */
function untilBounds(
  rule: RecurrenceRule | undefined,
  zone: ZoneRules,
): { local?: LocalMs; instant?: number } {
  const until = rule?.until;
  if (!until) return {};
  if (until.dateOnly) return { local: until.ms + DAY - 1 };
  if (until.utc) return { local: until.ms + MAX_OFFSET, instant: until.ms };
  return { local: until.ms, instant: zone.resolve(until.ms).instant };
}

function ruleCandidates(
  rule: RecurrenceRule | undefined,
  dtstart: LocalMs,
  range: LocalRange,
  untilLocal?: LocalMs,
): Candidate[] {
  if (!rule)
    return dtstart >= range.from && dtstart <= range.to
      ? [{ recurrenceId: dtstart, start: dtstart, flags: [] }]
      : [];
  return rule.rscale === 'CHINESE'
    ? lunarCandidates(rule, dtstart, range, untilLocal)
    : gregorianCandidates(rule, dtstart, range, untilLocal);
}

function withExtraDates(candidates: Candidate[], rdates: string[], range: LocalRange): Candidate[] {
  if (!rdates.length) return candidates;
  const taken = new Set(candidates.map((c) => c.start));
  const extra: Candidate[] = [];
  for (const text of rdates) {
    const start = parseLocalDateTime(text, 'rdates');
    if (taken.has(start) || start < range.from || start > range.to) continue;
    taken.add(start);
    extra.push({ recurrenceId: start, start, flags: ['extra_date'] });
  }
  return [...candidates, ...extra].sort((a, b) => a.start - b.start);
}

/** EXDATEs are exact local start times, or whole local days when given as a date. */
function parseExdates(texts: string[]): { times: Set<LocalMs>; days: Set<LocalMs> } {
  const times = new Set<LocalMs>();
  const days = new Set<LocalMs>();
  for (const text of texts) {
    const ms = parseLocalDateTime(text, 'exdates');
    (text.includes('T') || text.includes(' ') ? times : days).add(ms);
  }
  return { times, days };
}

/** The wall-clock times of day a rule runs at (for sessions added on make-up workdays). */
function timesOfDay(rule: RecurrenceRule | undefined, dtstart: LocalMs): number[] {
  const start = new Date(dtstart);
  const hours = rule?.byHour ?? [start.getUTCHours()];
  const minutes = rule?.byMinute ?? [start.getUTCMinutes()];
  const seconds = rule?.bySecond ?? [start.getUTCSeconds()];
  return hours
    .flatMap((h) => minutes.flatMap((m) => seconds.map((s) => (h * 3600 + m * 60 + s) * 1000)))
    .sort((a, b) => a - b);
}

/** Places a candidate in time: instants and offsets of start and end, DST flags. */
function place(candidate: Candidate, duration: Duration, zone: ZoneRules): Occurrence {
  const start = zone.resolve(candidate.start);
  const flags = start.shifted
    ? [...candidate.flags, 'dst_gap_shifted' as const]
    : start.ambiguous
      ? [...candidate.flags, 'dst_ambiguous_earlier' as const]
      : candidate.flags;
  // Days are nominal (same wall time on a later day); hours and minutes are exact time.
  const endBase = duration.days ? zone.resolve(candidate.start + duration.days * DAY).instant : start.instant;
  const endInstant = endBase + duration.milliseconds;
  const endOffset = duration.days || duration.milliseconds ? zone.offsetAt(endInstant) : start.offset;
  const occurrence: Occurrence = {
    recurrenceId: candidate.recurrenceId,
    start: start.instant + start.offset,
    startInstant: start.instant,
    startOffset: start.offset,
    end: endInstant + endOffset,
    endInstant,
    endOffset,
    flags,
  };
  if (candidate.lunar) occurrence.lunar = candidate.lunar;
  if (candidate.holidayName) occurrence.holidayName = candidate.holidayName;
  return occurrence;
}
