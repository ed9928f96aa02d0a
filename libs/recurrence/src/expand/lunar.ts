import chineseDays from 'chinese-days';
import { RecurrenceError } from '../errors';
import type { RecurrenceRule } from '../rule/recurrence-rule';
import { DAY, LocalMs, formatLocalDate, startOfLocalDay } from '../time/local-date-time';
import type { Candidate, LocalRange } from './candidate';
import type { LunarLabel, OccurrenceFlag } from './occurrence';

/** chinese-days converts between the calendars for lunar years 1900-2100. */
const FIRST_YEAR = 1901;
const LAST_YEAR = 2099;

interface LunarMonth {
  year: number;
  month: number;
  leap: boolean;
}

const dateMs = (isoDate: string): LocalMs => Date.parse(`${isoDate}T00:00:00Z`);

function leapMonthOf(year: number): number | undefined {
  return chineseDays.getYearLeapMonth(year).leapMonth ?? undefined;
}

function lengthOf(m: LunarMonth): number {
  return m.leap ? chineseDays.getYearLeapMonth(m.year).days : chineseDays.monthDays(m.year, m.month);
}

/** Local midnight of day 1 of a lunar month. */
function firstDayOf(m: LunarMonth): LocalMs {
  const solar = chineseDays.getSolarDateFromLunar(`${m.year}-${String(m.month).padStart(2, '0')}-01`);
  const date = m.leap ? solar.leapMonthDate : solar.date;
  if (!date) throw new Error(`no leap month ${m.month} in ${m.year}`);
  return dateMs(date);
}

/** The months of a lunar year in order, a leap month right after its namesake. */
function monthsOf(year: number): LunarMonth[] {
  const leap = leapMonthOf(year);
  const months: LunarMonth[] = [];
  for (let month = 1; month <= 12; month++) {
    months.push({ year, month, leap: false });
    if (leap === month) months.push({ year, month, leap: true });
  }
  return months;
}

const CN_MONTHS = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊'];
const CN_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 九月初九, 闰六月十五, 腊月三十 */
export function lunarLabel(month: number, day: number, leap: boolean): LunarLabel {
  const dayText =
    day === 10
      ? '初十'
      : day === 20
        ? '二十'
        : day === 30
          ? '三十'
          : `${['初', '十', '廿'][Math.floor(day / 10)]}${CN_DIGITS[day % 10]}`;
  return { label: `${leap ? '闰' : ''}${CN_MONTHS[month - 1]}月${dayText}`, month, day, leap };
}

/** The lunar date of a local day. */
export function lunarDateOf(local: LocalMs): LunarMonth & { day: number } {
  const detail = chineseDays.getLunarDate(formatLocalDate(local));
  return { year: detail.lunarYear, month: detail.lunarMon, day: detail.lunarDay, leap: detail.isLeap };
}

/**
 * Candidates of an RFC 7529 lunar rule (RSCALE=CHINESE), YEARLY or MONTHLY, at DTSTART's time of
 * day. BYMONTH=5 is only the regular fifth month, 5L only the leap one, so a leap year neither
 * doubles nor drops a festival. Dates a year lacks follow SKIP: OMIT drops them (and they do not count towards COUNT), BACKWARD takes
 * the day (or month) before, FORWARD the one after.
 */
export function lunarCandidates(
  rule: RecurrenceRule,
  dtstart: LocalMs,
  range: LocalRange,
  untilLocal: LocalMs | undefined,
): Candidate[] {
  const timeOfDay = dtstart - startOfLocalDay(dtstart);
  const origin = lunarDateOf(dtstart);
  const end = untilLocal === undefined ? range.to : Math.min(range.to, untilLocal);
  const lastYear = Math.min(new Date(end).getUTCFullYear() + 1, LAST_YEAR);
  if (origin.year < FIRST_YEAR || new Date(range.from).getUTCFullYear() > LAST_YEAR) {
    throw new RecurrenceError(
      'RECURRENCE_LIMIT',
      `lunar dates are supported for ${FIRST_YEAR}-${LAST_YEAR}`,
      'RSCALE',
    );
  }
  const days = rule.byMonthDay ?? [origin.day];
  const periods: LunarMonth[][] = [];
  if (rule.freq === 'YEARLY') {
    const wanted = rule.byMonth ?? [{ month: origin.month, leap: origin.leap }];
    for (let year = origin.year; year <= lastYear; year += rule.interval) {
      periods.push(wanted.map((m) => ({ year, month: m.month, leap: m.leap })));
    }
  } else {
    const sequence = [];
    for (let year = origin.year; year <= lastYear; year++) sequence.push(...monthsOf(year));
    const startIndex = sequence.findIndex(
      (m) => m.year === origin.year && m.month === origin.month && m.leap === origin.leap,
    );
    for (let i = startIndex; i < sequence.length; i += rule.interval) periods.push([sequence[i]]);
  }

  const candidates: Candidate[] = [];
  let produced = 0;
  for (const months of periods) {
    const inPeriod: Candidate[] = [];
    for (const wantedMonth of months) {
      for (const wantedDay of days) {
        const placed = place(wantedMonth, wantedDay, rule.skip);
        if (!placed) continue;
        const start = placed.date + timeOfDay;
        if (start < dtstart) continue;
        inPeriod.push({ recurrenceId: start, start, flags: placed.flags, lunar: placed.label });
      }
    }
    // A period's dates in order; two wanted dates may land on the same day after SKIP.
    inPeriod.sort((a, b) => a.start - b.start);
    for (const candidate of inPeriod) {
      if (candidate.start > end) return candidates;
      if (rule.count !== undefined && produced >= rule.count) return candidates;
      if (candidates.length && candidates[candidates.length - 1].start === candidate.start) continue;
      produced++;
      if (candidate.start >= range.from) candidates.push(candidate);
    }
  }
  return candidates;
}

/** Where a wanted lunar month/day falls this year, after SKIP; undefined when omitted. */
function place(
  wanted: LunarMonth,
  wantedDay: number,
  skip: RecurrenceRule['skip'],
): { date: LocalMs; flags: OccurrenceFlag[]; label: LunarLabel } | undefined {
  let month = wanted;
  const flags: OccurrenceFlag[] = [];
  if (month.leap && leapMonthOf(month.year) !== month.month) {
    if (skip === 'OMIT') return undefined;
    month = { year: month.year, month: skip === 'BACKWARD' ? month.month : month.month + 1, leap: false };
    if (month.month > 12) month = { year: month.year + 1, month: 1, leap: false };
    flags.push('lunar_date_adjusted');
  }
  const length = lengthOf(month);
  const day = wantedDay > 0 ? wantedDay : length + 1 + wantedDay;
  if (day >= 1 && day <= length) {
    return {
      date: firstDayOf(month) + (day - 1) * DAY,
      flags,
      label: lunarLabel(month.month, day, month.leap),
    };
  }
  if (skip === 'OMIT') return undefined;
  flags.push('lunar_date_adjusted');
  if (skip === 'BACKWARD')
    return {
      date: firstDayOf(month) + (length - 1) * DAY,
      flags,
      label: lunarLabel(month.month, length, month.leap),
    };
  const next = firstDayOf(month) + length * DAY;
  const after = lunarDateOf(next);
  return { date: next, flags, label: lunarLabel(after.month, after.day, after.leap) };
}
