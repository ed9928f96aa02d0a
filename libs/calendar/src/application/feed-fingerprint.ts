import { createHash } from 'node:crypto';
import type { CalendarEntry, CalendarMeta } from '../domain/calendar-entry';

/**
 * Every field of an entry, in a fixed order. A Record over keyof CalendarEntry: a field added to
 * the type fails to compile until it is listed here, so no change can slip past the fingerprint.
 */
const ENTRY_FIELDS: Record<keyof CalendarEntry, number> = {
  uid: 0,
  sequence: 1,
  status: 2,
  start: 3,
  end: 4,
  timeZone: 5,
  summary: 6,
  location: 7,
  description: 8,
  url: 9,
  categories: 10,
  color: 11,
  lastModified: 12,
  alarmMinutesBefore: 13,
};
const KEYS = (Object.keys(ENTRY_FIELDS) as (keyof CalendarEntry)[]).sort(
  (a, b) => ENTRY_FIELDS[a] - ENTRY_FIELDS[b],
);

/** Dates as epoch milliseconds; `false` (no field is boolean) keeps undefined apart from null. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  return value === undefined ? false : value;
}

/**
 * A digest of everything a rendered body depends on: equal fingerprints, equal bytes (the
 * renderer is deterministic). Positional arrays with Dates as numbers: JSON.stringify then runs
 * without a toISOString per Date, which matters on the 304 path, where this and the sources' query
 * are the work.
 */
export function feedFingerprint(entries: readonly CalendarEntry[], meta: CalendarMeta): string {
  const rows: unknown[][] = new Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const row: unknown[] = new Array(KEYS.length);
    for (let k = 0; k < KEYS.length; k++) row[k] = plain(entry[KEYS[k]]);
    rows[i] = row;
  }
  return createHash('sha256')
    .update(JSON.stringify([meta, rows]), 'utf8')
    .digest('base64url');
}
