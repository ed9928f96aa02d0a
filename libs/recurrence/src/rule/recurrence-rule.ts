import { RecurrenceError, invalidRule } from '../errors';
import { parseBasicDateTime } from '../time/local-date-time';

export const FREQUENCIES = [
  'SECONDLY',
  'MINUTELY',
  'HOURLY',
  'DAILY',
  'WEEKLY',
  'MONTHLY',
  'YEARLY',
] as const;
export type Frequency = (typeof FREQUENCIES)[number];
/** RFC 5545 weekday codes in rrule.js order (Monday = 0). */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface RecurrenceRule {
  freq: Frequency;
  interval: number;
  count?: number;
  until?: { ms: number; utc: boolean; dateOnly: boolean };
  bySecond?: number[];
  byMinute?: number[];
  byHour?: number[];
  byDay?: { weekday: Weekday; n?: number }[];
  byMonthDay?: number[];
  byYearDay?: number[];
  byWeekNo?: number[];
  byMonth?: { month: number; leap: boolean }[];
  bySetPos?: number[];
  wkst?: Weekday;
  /** RFC 7529: GREGORIAN unless the rule says RSCALE=CHINESE. */
  rscale: 'GREGORIAN' | 'CHINESE';
  /** RFC 7529: what to do with a date that does not exist in a period. */
  skip: 'OMIT' | 'BACKWARD' | 'FORWARD';
}

const MAX_INTERVAL = 1_000_000;
const MAX_COUNT = 100_000;

function integers(
  part: string,
  value: string,
  min: number,
  max: number,
  options: { signed?: boolean } = {},
): number[] {
  const items = value.split(',');
  if (items.length > 400) throw invalidRule(part, 'too many values');
  return items.map((item) => {
    if (!/^[+-]?\d{1,7}$/.test(item)) throw invalidRule(part, `"${item}" is not an integer`);
    const n = Number(item);
    const magnitude = Math.abs(n);
    if (!options.signed && n < 0) throw invalidRule(part, `"${item}" must not be negative`);
    if (magnitude < min || magnitude > max || (options.signed && n === 0)) {
      throw invalidRule(
        part,
        `"${item}" is outside ${options.signed ? `±${min}..${max}` : `${min}..${max}`}`,
      );
    }
    return n;
  });
}

/** A well-formed value over a size cap is a limit (422), not a malformed rule (400). */
function withinLimit(part: string, value: number, max: number): number {
  if (value > max) throw new RecurrenceError('RECURRENCE_LIMIT', `${part}: at most ${max}`, part);
  return value;
}

function weekday(part: string, value: string): Weekday {
  if (!(WEEKDAYS as readonly string[]).includes(value))
    throw invalidRule(part, `"${value}" is not one of ${WEEKDAYS.join(', ')}`);
  return value as Weekday;
}

/**
 * Parses an RFC 5545 RRULE value (with or without the `RRULE:` prefix), plus RFC 7529's RSCALE and
 * SKIP. Every problem is an RRULE_INVALID naming the part.
 */
export function parseRecurrenceRule(text: string): RecurrenceRule {
  const source = text.trim().replace(/^RRULE:/i, '');
  if (!source) throw invalidRule('RRULE', 'is empty');
  if (source.length > 2000) throw invalidRule('RRULE', 'is longer than 2000 characters');
  const parts = new Map<string, string>();
  for (const piece of source.split(';')) {
    const eq = piece.indexOf('=');
    if (eq <= 0) throw invalidRule('RRULE', `"${piece}" is not NAME=VALUE`);
    const name = piece.slice(0, eq).toUpperCase();
    const value = piece.slice(eq + 1).toUpperCase();
    if (!value) throw invalidRule(name, 'has no value');
    if (parts.has(name)) throw invalidRule(name, 'appears twice');
    parts.set(name, value);
  }
  const take = (name: string) => {
    const value = parts.get(name);
    parts.delete(name);
    return value;
  };

  const freq = take('FREQ');
  if (!freq) throw invalidRule('FREQ', 'is required');
  if (!(FREQUENCIES as readonly string[]).includes(freq))
    throw invalidRule('FREQ', `"${freq}" is not one of ${FREQUENCIES.join(', ')}`);
  const rscaleText = take('RSCALE') ?? 'GREGORIAN';
  if (rscaleText !== 'GREGORIAN' && rscaleText !== 'CHINESE')
    throw invalidRule('RSCALE', `"${rscaleText}" is not supported (GREGORIAN or CHINESE)`);
  const skipText = take('SKIP');
  if (skipText && !['OMIT', 'BACKWARD', 'FORWARD'].includes(skipText))
    throw invalidRule('SKIP', `"${skipText}" is not OMIT, BACKWARD or FORWARD`);
  if (
    skipText &&
    !parts.has('RSCALE') &&
    rscaleText === 'GREGORIAN' &&
    !source.toUpperCase().includes('RSCALE=')
  ) {
    throw invalidRule('SKIP', 'needs RSCALE (RFC 7529)');
  }

  const rule: RecurrenceRule = {
    freq: freq as Frequency,
    interval: 1,
    rscale: rscaleText,
    skip: (skipText as RecurrenceRule['skip']) ?? 'OMIT',
  };
  const interval = take('INTERVAL');
  if (interval !== undefined)
    rule.interval = withinLimit(
      'INTERVAL',
      integers('INTERVAL', interval, 1, Number.MAX_SAFE_INTEGER)[0],
      MAX_INTERVAL,
    );
  const count = take('COUNT');
  const until = take('UNTIL');
  if (count !== undefined && until !== undefined)
    throw invalidRule('COUNT', 'and UNTIL must not both be given');
  if (count !== undefined)
    rule.count = withinLimit('COUNT', integers('COUNT', count, 1, Number.MAX_SAFE_INTEGER)[0], MAX_COUNT);
  if (until !== undefined) rule.until = parseBasicDateTime(until, 'UNTIL');

  const bySecond = take('BYSECOND');
  if (bySecond) rule.bySecond = integers('BYSECOND', bySecond, 0, 59);
  const byMinute = take('BYMINUTE');
  if (byMinute) rule.byMinute = integers('BYMINUTE', byMinute, 0, 59);
  const byHour = take('BYHOUR');
  if (byHour) rule.byHour = integers('BYHOUR', byHour, 0, 23);
  const byMonthDay = take('BYMONTHDAY');
  if (byMonthDay) rule.byMonthDay = integers('BYMONTHDAY', byMonthDay, 1, 31, { signed: true });
  const byYearDay = take('BYYEARDAY');
  if (byYearDay) rule.byYearDay = integers('BYYEARDAY', byYearDay, 1, 366, { signed: true });
  const byWeekNo = take('BYWEEKNO');
  if (byWeekNo) rule.byWeekNo = integers('BYWEEKNO', byWeekNo, 1, 53, { signed: true });
  const bySetPos = take('BYSETPOS');
  if (bySetPos) rule.bySetPos = integers('BYSETPOS', bySetPos, 1, 366, { signed: true });
  const wkst = take('WKST');
  if (wkst) rule.wkst = weekday('WKST', wkst);

  const byMonth = take('BYMONTH');
  if (byMonth) {
    rule.byMonth = byMonth.split(',').map((item) => {
      const match = /^(\d{1,2})(L?)$/.exec(item);
      if (!match || +match[1] < 1 || +match[1] > 12)
        throw invalidRule(
          'BYMONTH',
          `"${item}" is not a month 1..12${rscaleText === 'CHINESE' ? ' (leap months as 5L)' : ''}`,
        );
      if (match[2] && rscaleText !== 'CHINESE')
        throw invalidRule('BYMONTH', `leap month "${item}" needs RSCALE=CHINESE`);
      return { month: +match[1], leap: match[2] === 'L' };
    });
  }

  const byDay = take('BYDAY');
  if (byDay) {
    rule.byDay = byDay.split(',').map((item) => {
      const match = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(item);
      if (!match) throw invalidRule('BYDAY', `"${item}" is not like MO, 1MO or -1FR`);
      const entry: { weekday: Weekday; n?: number } = { weekday: weekday('BYDAY', match[2]) };
      if (match[1] !== undefined) {
        const n = Number(match[1]);
        if (n === 0 || Math.abs(n) > 53) throw invalidRule('BYDAY', `"${item}": the ordinal must be ±1..53`);
        if (rule.freq !== 'MONTHLY' && rule.freq !== 'YEARLY')
          throw invalidRule('BYDAY', `"${item}": ordinals only with FREQ=MONTHLY or YEARLY`);
        if (rule.freq === 'MONTHLY' && Math.abs(n) > 5)
          throw invalidRule('BYDAY', `"${item}": a month has at most 5 of a weekday`);
        if (rule.freq === 'YEARLY' && rule.byWeekNo)
          throw invalidRule('BYDAY', `"${item}": ordinals cannot combine with BYWEEKNO`);
        entry.n = n;
      }
      return entry;
    });
  }

  if (parts.size) throw invalidRule([...parts.keys()][0], 'is not an RRULE part');
  if (rule.byWeekNo && rule.freq !== 'YEARLY') throw invalidRule('BYWEEKNO', 'only with FREQ=YEARLY');
  if (rule.byYearDay && ['DAILY', 'WEEKLY', 'MONTHLY'].includes(rule.freq))
    throw invalidRule('BYYEARDAY', `not with FREQ=${rule.freq}`);
  if (rule.byMonthDay && rule.freq === 'WEEKLY') throw invalidRule('BYMONTHDAY', 'not with FREQ=WEEKLY');
  if (
    rule.bySetPos &&
    !(
      rule.byDay ||
      rule.byMonthDay ||
      rule.byYearDay ||
      rule.byWeekNo ||
      rule.byMonth ||
      rule.byHour ||
      rule.byMinute ||
      rule.bySecond
    )
  ) {
    throw invalidRule('BYSETPOS', 'needs another BYxxx part to select from');
  }
  if (rule.rscale === 'CHINESE') assertSupportedLunarRule(rule);
  return rule;
}

/** Lunar rules cover what festivals need: yearly on a lunar month and day, or monthly on a lunar day. */
function assertSupportedLunarRule(rule: RecurrenceRule): void {
  if (rule.freq !== 'YEARLY' && rule.freq !== 'MONTHLY')
    throw invalidRule('FREQ', 'RSCALE=CHINESE supports YEARLY and MONTHLY');
  const unsupported = (
    ['bySecond', 'byMinute', 'byHour', 'byDay', 'byYearDay', 'byWeekNo', 'bySetPos'] as const
  ).find((key) => rule[key]);
  if (unsupported)
    throw invalidRule(unsupported.replace(/^by/, 'BY').toUpperCase(), 'is not supported with RSCALE=CHINESE');
  if (rule.byMonthDay?.some((d) => Math.abs(d) > 30))
    throw invalidRule('BYMONTHDAY', 'a lunar month has at most 30 days');
  if (rule.freq === 'MONTHLY' && rule.byMonth)
    throw invalidRule('BYMONTH', 'use FREQ=YEARLY for lunar month selection');
}

/** Writes a rule back as an RRULE value (used for splitting series). */
export function formatRecurrenceRule(rule: RecurrenceRule): string {
  const out: string[] = [];
  if (rule.rscale === 'CHINESE') out.push('RSCALE=CHINESE');
  out.push(`FREQ=${rule.freq}`);
  if (rule.interval !== 1) out.push(`INTERVAL=${rule.interval}`);
  if (rule.count !== undefined) out.push(`COUNT=${rule.count}`);
  if (rule.until) {
    const iso = new Date(rule.until.ms).toISOString().replace(/[-:]/g, '').slice(0, 15);
    out.push(`UNTIL=${rule.until.dateOnly ? iso.slice(0, 8) : iso}${rule.until.utc ? 'Z' : ''}`);
  }
  const list = (name: string, values?: (number | string)[]) =>
    values && out.push(`${name}=${values.join(',')}`);
  list(
    'BYMONTH',
    rule.byMonth?.map((m) => `${m.month}${m.leap ? 'L' : ''}`),
  );
  list('BYWEEKNO', rule.byWeekNo);
  list('BYYEARDAY', rule.byYearDay);
  list('BYMONTHDAY', rule.byMonthDay);
  list(
    'BYDAY',
    rule.byDay?.map((d) => `${d.n ?? ''}${d.weekday}`),
  );
  list('BYHOUR', rule.byHour);
  list('BYMINUTE', rule.byMinute);
  list('BYSECOND', rule.bySecond);
  list('BYSETPOS', rule.bySetPos);
  if (rule.wkst) out.push(`WKST=${rule.wkst}`);
  if (rule.rscale === 'CHINESE' && rule.skip !== 'OMIT') out.push(`SKIP=${rule.skip}`);
  return out.join(';');
}
