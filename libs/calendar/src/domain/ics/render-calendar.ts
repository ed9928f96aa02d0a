import type { CalendarEntry, CalendarMeta } from '../calendar-entry';
import type { RenderCalendar } from '../render';
import { EventCache } from './event-cache';
import { escapeText, joinLines } from './ics-text';
import { formatDuration } from './ics-time';
import { eventZone, normalizeAlarms, renderEvent } from './render-event';
import { vtimezoneLines } from './vtimezone';

export const PRODID = '-//Linli//Linli Calendar//ZH';

/** The years of an empty calendar's VTIMEZONE when its meta does not say (bodies never read a clock). */
const EMPTY_CALENDAR_YEAR = 1970;

/** The process-wide cache of rendered events that feeds share (entries repeat across feeds). */
export const sharedEventCache = new EventCache();

/**
 * The whole iCalendar body for a feed or an invite: deterministic (the same entries give the same
 * bytes, whatever their order or the process's TZ), so the body's hash is a strong ETag. Events
 * come from `cache` by entry version, so a feed where one entry changed renders only that entry.
 * Entries sharing a UID are one event to every client: the highest SEQUENCE (then the latest
 * change) is kept.
 */
export const renderCalendar = (
  entries: CalendarEntry[],
  meta: CalendarMeta,
  cache: EventCache = sharedEventCache,
): string => {
  const events = latestPerUid(entries);
  events.sort(byStartThenUid);

  const years = new Map<string, { from: number; to: number }>();
  for (const entry of events) {
    const zone = eventZone(entry.timeZone);
    if (!zone) continue;
    const from = entry.start.getUTCFullYear();
    const to = Math.max(from, entry.end.getUTCFullYear());
    const span = years.get(zone.id);
    if (!span) years.set(zone.id, { from, to });
    else {
      span.from = Math.min(span.from, from);
      span.to = Math.max(span.to, to);
    }
  }

  // RFC 5545 wants a component in every VCALENDAR: with no entries, the calendar's own zone.
  const ownZone = eventZone(meta.timeZone);
  if (years.size === 0 && ownZone) {
    years.set(ownZone.id, { ...(meta.years ?? { from: EMPTY_CALENDAR_YEAR, to: EMPTY_CALENDAR_YEAR }) });
  }

  const refresh = formatDuration(Math.max(1, meta.refreshMinutes));
  const header = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN'];
  if (meta.method) header.push(`METHOD:${meta.method}`);
  const name = escapeText(meta.name);
  header.push(`NAME:${name}`, `X-WR-CALNAME:${name}`);
  if (meta.description) {
    const description = escapeText(meta.description);
    header.push(`DESCRIPTION:${description}`, `X-WR-CALDESC:${description}`);
  }
  header.push(
    `X-WR-TIMEZONE:${eventZone(meta.timeZone)?.id ?? 'UTC'}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${refresh}`,
    `X-PUBLISHED-TTL:${refresh}`,
  );
  for (const zone of [...years.keys()].sort()) {
    const span = years.get(zone)!;
    header.push(...vtimezoneLines(zone, span.from, span.to));
  }

  let body = joinLines(header);
  for (const entry of events) {
    const alarms = normalizeAlarms(entry.alarmMinutesBefore);
    body += cache.get(EventCache.keyOf(entry, alarms), () => renderEvent(entry, alarms));
  }
  return body + 'END:VCALENDAR\r\n';
};

// Type check: renderCalendar is the context's RenderCalendar (the cache parameter is optional).
const _implementsPort: RenderCalendar = renderCalendar;

function byStartThenUid(a: CalendarEntry, b: CalendarEntry): number {
  const diff = a.start.getTime() - b.start.getTime();
  if (diff !== 0) return diff;
  return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
}

function latestPerUid(entries: readonly CalendarEntry[]): CalendarEntry[] {
  const byUid = new Map<string, CalendarEntry>();
  let duplicates = false;
  for (const entry of entries) {
    const seen = byUid.get(entry.uid);
    if (!seen) byUid.set(entry.uid, entry);
    else {
      duplicates = true;
      if (newer(entry, seen)) byUid.set(entry.uid, entry);
    }
  }
  return duplicates ? [...byUid.values()] : entries.slice();
}

function newer(a: CalendarEntry, b: CalendarEntry): boolean {
  if (a.sequence !== b.sequence) return a.sequence > b.sequence;
  const changed = a.lastModified.getTime() - b.lastModified.getTime();
  if (changed !== 0) return changed > 0;
  // Identical versions: any fixed order keeps the output independent of the input order.
  return byStartThenUid(a, b) < 0 || (byStartThenUid(a, b) === 0 && a.summary < b.summary);
}
