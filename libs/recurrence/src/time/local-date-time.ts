import { invalidRule } from '../errors';

/**
 * Wall-clock times are carried as "local milliseconds": the wall time's fields read as if they
 * were UTC (so 2026-10-18T09:00 local is Date.UTC(2026, 9, 18, 9)). Arithmetic on them is
 * calendar arithmetic with no zone involved; a ZoneRules turns them into instants.
 */
export type LocalMs = number;
export type InstantMs = number;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const BASIC_DATE_TIME = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/;

function build(part: string, text: string, fields: (string | undefined)[]): LocalMs {
  const [year, month, day, hour = '0', minute = '0', second = '0'] = fields;
  const ms = Date.UTC(+year!, +month! - 1, +day!, +hour, +minute, +second);
  const check = new Date(ms);
  if (
    Number.isNaN(ms) ||
    check.getUTCFullYear() !== +year! ||
    check.getUTCMonth() !== +month! - 1 ||
    check.getUTCDate() !== +day! ||
    +hour > 23 ||
    +minute > 59 ||
    +second > 59
  ) {
    throw invalidRule(part, `"${text}" is not a valid date-time`);
  }
  if (+year! < 1900 || +year! > 2200) throw invalidRule(part, `"${text}" is outside 1900-2200`);
  return ms;
}

/** `2026-10-18T09:00[:00]` or `2026-10-18` (midnight); no offset allowed: it is a wall time. */
export function parseLocalDateTime(text: string, part = 'dtstart'): LocalMs {
  const match = LOCAL_DATE_TIME.exec(text.trim());
  if (!match)
    throw invalidRule(part, `"${text}" is not a local date-time like 2026-10-18T09:00:00 (no offset)`);
  return build(part, text, match.slice(1));
}

/** RFC 5545 DATE or DATE-TIME as in RRULE UNTIL / RDATE / EXDATE: `20261018`, `20261018T090000`, `...Z`. */
export function parseBasicDateTime(
  text: string,
  part: string,
): { ms: number; utc: boolean; dateOnly: boolean } {
  const match = BASIC_DATE_TIME.exec(text.trim());
  if (!match)
    throw invalidRule(part, `"${text}" is not an RFC 5545 date or date-time (e.g. 20261018T090000Z)`);
  return {
    ms: build(part, text, match.slice(1, 7)),
    utc: match[7] === 'Z',
    dateOnly: match[4] === undefined,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-10-18T09:00:00` */
export function formatLocal(ms: LocalMs): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `2026-10-18` */
export function formatLocalDate(ms: LocalMs): string {
  return formatLocal(ms).slice(0, 10);
}

/** `+08:00`, `-04:00`, `+05:45` */
export function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.abs(offsetMs) / MINUTE;
  return `${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** The local midnight of a local time. */
export function startOfLocalDay(ms: LocalMs): LocalMs {
  return ms - (((ms % DAY) + DAY) % DAY);
}

/** 0 = Sunday ... 6 = Saturday, as Date.getUTCDay. */
export function weekdayOf(ms: LocalMs): number {
  return new Date(ms).getUTCDay();
}

/** ISO 8601 / RFC 5545 duration: P1D, PT2H30M, P1W, P1DT2H. Days are nominal (local), the rest exact. */
export interface Duration {
  days: number;
  milliseconds: number;
}

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export function parseDuration(text: string, part = 'duration'): Duration {
  const match = DURATION.exec(text.trim());
  if (!match || text.trim() === 'P' || text.trim().endsWith('T')) {
    throw invalidRule(part, `"${text}" is not a duration like PT2H, P1D or PT1H30M`);
  }
  const [, weeks = '0', days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  const duration = {
    days: +weeks * 7 + +days,
    milliseconds: (+hours * 3600 + +minutes * 60 + +seconds) * 1000,
  };
  if (duration.days > 366 || duration.milliseconds > 366 * DAY)
    throw invalidRule(part, `"${text}" is longer than a year`);
  return duration;
}
