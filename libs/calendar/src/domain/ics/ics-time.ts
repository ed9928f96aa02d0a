/**
 * iCalendar DATE-TIME, UTC-OFFSET and DURATION values. Only Date's UTC getters are used, so the
 * output is the same whatever the process's TZ.
 */

const pad2 = (n: number): string => (n < 10 ? '0' + n : '' + n);

function basic(ms: number): string {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  return (
    (year < 1000 ? String(year).padStart(4, '0') : '' + year) +
    pad2(d.getUTCMonth() + 1) +
    pad2(d.getUTCDate()) +
    'T' +
    pad2(d.getUTCHours()) +
    pad2(d.getUTCMinutes()) +
    pad2(d.getUTCSeconds())
  );
}

/** `20261018T010000Z`: an instant in UTC (DTSTAMP, LAST-MODIFIED, or DTSTART without a zone). */
export function formatUtc(instant: number): string {
  return basic(instant) + 'Z';
}

/** `20261018T090000`: a wall time given as local milliseconds (its fields read as UTC). */
export function formatWallTime(localMs: number): string {
  return basic(localMs);
}

/** `+0800`, `-0430`, `+053328` (seconds only when the zone has them, as old LMT offsets do). */
export function formatUtcOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.round(Math.abs(offsetMs) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return sign + pad2(hours) + pad2(minutes) + (seconds ? pad2(seconds) : '');
}

/**
 * A positive DURATION in minutes, RFC 5545 3.3.6: `PT15M`, `PT1H`, `PT1H30M`, `P1D`. Hours and
 * minutes always come after `T` (`P1H` is invalid and makes strict clients drop the whole file).
 */
export function formatDuration(minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  if (total === 0) return 'PT0M';
  if (total % 1440 === 0) return `P${total / 1440}D`;
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  return 'PT' + (hours ? `${hours}H` : '') + (rest ? `${rest}M` : '');
}
