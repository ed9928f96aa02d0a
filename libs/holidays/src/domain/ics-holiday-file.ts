import ICAL from 'ical.js';
import type { DeclaredKind } from './holiday-day';
import { DayCandidate, IMPORT_LIMITS, ReadResult, unreadable } from './holiday-file';
import { addDays, daysBetween, isLocalDate } from './local-date';

type Component = InstanceType<typeof ICAL.Component>;

/**
 * An iCalendar file of all-day events, one per holiday or make-up workday, as the published
 * holiday feeds write them: `DTSTART;VALUE=DATE:20271001`, `DTEND;VALUE=DATE:20271008` (exclusive)
 * or a whole-day `DURATION`, and a SUMMARY such as `国庆节 休` or `国庆节 补班`.
 */
export function readIcsDays(content: string): ReadResult {
  const text = content.replace(/^\uFEFF/, '');
  if (!/^BEGIN:VCALENDAR\s*$/i.test(text.trimStart().split(/\r?\n/, 1)[0])) {
    return unreadable('line 1: an iCalendar file starts with BEGIN:VCALENDAR');
  }
  let calendars: Component[];
  try {
    const jcal = ICAL.parse(text) as unknown[];
    // One component parses to ['vcalendar', ...]; several to a list of those.
    const roots = typeof jcal[0] === 'string' ? [jcal] : (jcal as unknown[][]);
    calendars = roots.map((root) => new ICAL.Component(root as unknown[]));
  } catch (error) {
    return unreadable(`content is not valid iCalendar: ${describeParseError(error)}`);
  }
  const events = calendars.flatMap((calendar) =>
    calendar.name === 'vcalendar' ? calendar.getAllSubcomponents('vevent') : [],
  );
  // ical.js keeps no line numbers; events come in file order, so the n-th BEGIN:VEVENT line is the n-th event.
  const eventLines = [...text.split(/\r?\n/).entries()]
    .filter(([, line]) => /^BEGIN:VEVENT\s*$/i.test(line))
    .map(([i]) => i + 1);
  const candidates: DayCandidate[] = [];
  const problems: string[] = [];
  for (const [index, event] of events.entries()) {
    const read = readEvent(event, `line ${eventLines[index] ?? '?'}`);
    if (typeof read === 'string') {
      problems.push(read);
      continue;
    }
    candidates.push(...read);
    // Stop expanding once the file is known to be too big; the shared checks say so.
    if (candidates.length > IMPORT_LIMITS.maxDays) break;
  }
  return problems.length ? unreadable(...problems) : { ok: true, candidates };
}

function readEvent(event: Component, line: string): DayCandidate[] | string {
  const summary = event.getFirstPropertyValue('summary');
  if (typeof summary !== 'string' || !summary.trim())
    return `${line}: the event has no SUMMARY (e.g. 国庆节 休)`;
  const where = `${line} (${summary.trim()})`;
  if (event.hasProperty('rrule') || event.hasProperty('rdate')) {
    return `${where}: repeating events (RRULE, RDATE) are not supported; list each holiday as its own event`;
  }
  const start = readDate(event, 'dtstart');
  if (start.error) return `${where}: ${start.error}`;
  const length = readLength(event, start.date!);
  if (typeof length === 'string') return `${where}: ${length}`;
  const { kind, name } = classifySummary(summary);
  return Array.from({ length }, (_, i) => ({ where, date: addDays(start.date!, i), kind, name, note: null }));
}

/** Days covered: DTEND is exclusive; a DURATION must be whole days; neither means one day. */
function readLength(event: Component, start: string): number | string {
  let days = 1;
  if (event.hasProperty('dtend')) {
    const end = readDate(event, 'dtend');
    if (end.error) return end.error;
    days = daysBetween(start, end.date!);
    if (days < 1) return `DTEND ${end.date} must be after DTSTART ${start}`;
  } else if (event.hasProperty('duration')) {
    const raw = String(event.getFirstProperty('duration')!.jCal[3]);
    const match = /^P(?:(\d+)W)?(?:(\d+)D)?$/.exec(raw);
    if (!match || raw === 'P') return `DURATION ${raw} must be whole days, such as P3D`;
    days = Number(match[1] ?? 0) * 7 + Number(match[2] ?? 0);
    if (days < 1) return `DURATION ${raw} must be at least one day`;
  }
  if (days > IMPORT_LIMITS.maxDays) return `the event spans ${days} days; at most ${IMPORT_LIMITS.maxDays}`;
  return days;
}

function readDate(event: Component, name: 'dtstart' | 'dtend'): { date?: string; error?: string } {
  const property = event.getFirstProperty(name);
  const label = name.toUpperCase();
  if (!property) return { error: `${label} is missing` };
  // ical.js reads lenient values (it turns 20261341 into a date in 2027), so check the raw one.
  const raw = String(property.jCal[3]);
  if (property.type !== 'date')
    return { error: `${label} must be an all-day date (${label};VALUE=DATE:20271001)` };
  if (!isLocalDate(raw)) return { error: `${label} ${raw} is not a valid date` };
  return { date: raw };
}

const WORKDAY_MARKS = new Set(['调休上班', '补班', '上班', '班']);
/** Longer marks may follow the name directly; one-character marks stand alone or after a space or a festival name. */
const MARK =
  /^(.*?)(?:[\s·:：\-—]*(调休上班|补班|上班|放假|假期|休息)|(?:[\s·:：\-—]+|(?<=[节旦夕])|^)(班|休|假))$/u;

/**
 * Splits a SUMMARY into the day's name and kind: `国庆节 休` and `春节假期` are days off, `国庆节 班`,
 * `国庆节补班` and `上班` make-up workdays. A summary without a mark is a day off: feeds that list
 * only holidays name them plainly (`元旦`).
 */
export function classifySummary(summary: string): { kind: DeclaredKind; name: string } {
  const text = summary.trim();
  const match = MARK.exec(text);
  const mark = match ? (match[2] ?? match[3]) : undefined;
  const kind: DeclaredKind = mark && WORKDAY_MARKS.has(mark) ? 'workday' : 'off';
  const name = (match ? match[1] : text).trim();
  return { kind, name: name || (kind === 'workday' ? '调休上班日' : '节假日') };
}

function describeParseError(error: unknown): string {
  // ical.js's own parser errors name the bad line; anything else is an internal failure on odd input.
  if (error instanceof Error && error.name === 'ParserError') return error.message;
  return 'expected BEGIN:VCALENDAR … END:VCALENDAR with NAME:VALUE lines';
}
