import { Temporal } from 'temporal-polyfill';
import { ZoneRules } from '@linli/recurrence';
import type { CalendarEntry } from '../calendar-entry';
import { escapeText, joinLines } from './ics-text';
import { formatDuration, formatUtc, formatWallTime } from './ics-time';

/** Prefix of a cancelled entry's SUMMARY: clients that ignore STATUS still show it. */
export const CANCELLED_PREFIX = '【已取消】';
/** Four weeks: alarm minutes beyond this are a data error, not a preference. */
const MAX_ALARM_MINUTES = 40_320;
// RFC 7986 COLOR is a CSS3 colour name; anything else (a hex code) is left out rather than sent invalid.
const CSS_COLOR_NAME = /^[a-z]{3,24}$/i;
// eslint-disable-next-line no-control-regex -- a URI has no controls or spaces
const URI = /^[a-z][a-z0-9+.-]*:[^\s\u0000-\u001f\u007f]+$/i;

export interface EventZone {
  /** TZID as written (Temporal's spelling of the IANA name). */
  id: string;
  rules: ZoneRules;
}

const zones = new Map<string, EventZone | null>();

/**
 * The entry's zone, or null when the name is not an IANA zone: such an entry is written in UTC,
 * so its times stay right rather than the whole feed failing on one bad row.
 */
export function eventZone(name: string): EventZone | null {
  let zone = zones.get(name);
  if (zone === undefined) {
    try {
      const rules = ZoneRules.for(name);
      const id = Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(name).timeZoneId;
      zone = { id, rules };
    } catch {
      zone = null;
    }
    zones.set(name, zone);
  }
  return zone;
}

/**
 * The wall time that names the instant in the zone, or undefined when none does unambiguously. In
 * the hour that repeats when clocks go back, RFC 5545 3.3.5 says a wall time means its first
 * occurrence, but ical.js (Thunderbird) reads the second: an instant there is written in UTC.
 */
function wallTimeOf(zone: EventZone, instant: number): number | undefined {
  const local = zone.rules.toLocal(instant);
  const resolved = zone.rules.resolve(local);
  return resolved.instant === instant && !resolved.ambiguous ? local : undefined;
}

/** Alarm minutes as rendered: whole, 0..4 weeks, each once, ascending. */
export function normalizeAlarms(minutes: readonly number[] | undefined): number[] {
  if (!minutes || minutes.length === 0) return [];
  const valid = new Set<number>();
  for (const m of minutes) {
    if (Number.isFinite(m) && m >= 0 && m <= MAX_ALARM_MINUTES) valid.add(Math.round(m));
  }
  return [...valid].sort((a, b) => a - b);
}

function checkedTime(value: Date, field: string, uid: string): number {
  const ms = value instanceof Date ? value.getTime() : NaN;
  if (Number.isNaN(ms)) throw new TypeError(`calendar entry ${uid}: ${field} is not a valid date`);
  // Sub-second parts cannot be written; drop them so DTSTART and the entry agree to the second.
  return ms - (((ms % 1000) + 1000) % 1000);
}

/**
 * One VEVENT: folded content lines, each ended with CRLF, ready to be joined into a calendar.
 * Pure and deterministic: the output depends only on the entry.
 */
export function renderEvent(
  entry: CalendarEntry,
  alarms = normalizeAlarms(entry.alarmMinutesBefore),
): string {
  const start = checkedTime(entry.start, 'start', entry.uid);
  // DTEND is always written and never before DTSTART.
  const end = Math.max(start, checkedTime(entry.end, 'end', entry.uid));
  const stamp = formatUtc(checkedTime(entry.lastModified, 'lastModified', entry.uid));
  const zone = eventZone(entry.timeZone);
  const cancelled = entry.status === 'CANCELLED';
  const summary =
    cancelled && !entry.summary.startsWith(CANCELLED_PREFIX)
      ? escapeText(CANCELLED_PREFIX + entry.summary)
      : escapeText(entry.summary);

  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(entry.uid)}`,
    `SEQUENCE:${Math.max(0, Math.trunc(entry.sequence) || 0)}`,
    `DTSTAMP:${stamp}`,
    `LAST-MODIFIED:${stamp}`,
  ];
  const localStart = zone ? wallTimeOf(zone, start) : undefined;
  const localEnd = zone ? wallTimeOf(zone, end) : undefined;
  if (zone && localStart !== undefined && localEnd !== undefined) {
    lines.push(
      `DTSTART;TZID=${zone.id}:${formatWallTime(localStart)}`,
      `DTEND;TZID=${zone.id}:${formatWallTime(localEnd)}`,
    );
  } else {
    lines.push(`DTSTART:${formatUtc(start)}`, `DTEND:${formatUtc(end)}`);
  }
  lines.push(`SUMMARY:${summary}`, `STATUS:${entry.status}`);
  // A cancelled shift no longer blocks the volunteer's time in free/busy views.
  if (cancelled) lines.push('TRANSP:TRANSPARENT');
  if (entry.location) lines.push(`LOCATION:${escapeText(entry.location)}`);
  if (entry.description) lines.push(`DESCRIPTION:${escapeText(entry.description)}`);
  if (entry.url && URI.test(entry.url)) lines.push(`URL:${entry.url}`);
  const categories = (entry.categories ?? []).filter((c) => c.trim() !== '');
  if (categories.length > 0) lines.push(`CATEGORIES:${categories.map(escapeText).join(',')}`);
  if (entry.color && CSS_COLOR_NAME.test(entry.color)) lines.push(`COLOR:${entry.color.toLowerCase()}`);
  for (const minutes of alarms) {
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `TRIGGER:-${formatDuration(minutes)}`,
      `DESCRIPTION:${summary}`,
      'END:VALARM',
    );
  }
  lines.push('END:VEVENT');
  return joinLines(lines);
}
