import { RecurrenceError } from '../errors';
import type { RecurrenceRule } from '../rule/recurrence-rule';
import { WEEKDAYS } from '../rule/recurrence-rule';
import { DAY, HOUR, LocalMs, MINUTE } from '../time/local-date-time';
import type { Candidate, LocalRange } from './candidate';
import { LIMITS } from './occurrence';
import { CalendarDay, dayInfo, week1Start } from './calendar-day';

/**
 * RFC 5545 RRULE expansion on wall-clock time (dateutil's algorithm: every day of a period is
 * tested against the BYxxx parts, then BYSETPOS picks from the period's sorted instances).
 *
 * Written here rather than taken from rrule.js because rrule.js cannot be bounded: a rule that never
 * matches (BYMONTH=2;BYMONTHDAY=30, or an HOURLY rule whose BYHOUR its interval never reaches)
 * makes it iterate to the year 9999. Here every period visited counts against a budget, iteration
 * stops at the end of the requested range whether or not anything matched, and rules without
 * COUNT start at the window instead of at DTSTART.
 */
export function gregorianCandidates(
  rule: RecurrenceRule,
  dtstart: LocalMs,
  range: LocalRange,
  untilLocal?: LocalMs,
): Candidate[] {
  const end = untilLocal === undefined ? range.to : Math.min(range.to, untilLocal);
  if (end < dtstart) return [];
  const plan = planOf(rule, dtstart);
  // A DTSTART the rule does not produce is not an occurrence (RFC 5545 calls such a set undefined;
  // this is python-dateutil's and rrule.js's reading, and what "every Friday from <a Wednesday>" means).
  let remaining = rule.count ?? Infinity;
  const out: Candidate[] = [];

  const from = rule.count === undefined ? Math.max(dtstart, range.from) : dtstart;
  assertAffordable(rule, from, end);
  let budget = LIMITS.maxIterations;
  for (let period = plan.firstPeriodAtOrAfter(from); ; period++) {
    const bounds = plan.periodBounds(period);
    if (bounds.first > end) break;
    const instances = plan.instancesIn(bounds);
    budget -= bounds.cost;
    if (budget < 0) throw tooMuchWork(rule);
    for (const start of instances) {
      if (start < dtstart) continue;
      if (start > end) return out;
      if (start >= range.from) out.push({ recurrenceId: start, start, flags: [] });
      if (--remaining <= 0) return out;
    }
    period += plan.skipAfter(bounds, instances.length);
  }
  return out;
}

/** Fails up front when a sub-daily rule with no day filter would step through too many periods. */
function assertAffordable(rule: RecurrenceRule, from: LocalMs, end: LocalMs): void {
  if (rule.count !== undefined) return; // COUNT ends it; the per-period budget still guards
  if (rule.freq !== 'HOURLY' && rule.freq !== 'MINUTELY' && rule.freq !== 'SECONDLY') return;
  const dayFiltered = rule.byMonth || rule.byMonthDay || rule.byYearDay || rule.byWeekNo || rule.byDay;
  const steps = (end - from) / (SUB_DAILY_UNIT[rule.freq] * rule.interval);
  if (!dayFiltered && steps > LIMITS.maxIterations) throw tooMuchWork(rule);
}

const tooMuchWork = (rule: RecurrenceRule) =>
  new RecurrenceError(
    'RECURRENCE_LIMIT',
    `FREQ=${rule.freq} needs too many steps for this window; narrow the window or the rule`,
    'FREQ',
  );

interface PeriodBounds {
  /** First and last local day (ms at midnight) of the period, and for sub-daily periods its start. */
  first: LocalMs;
  last: LocalMs;
  /** Sub-daily periods: the instant-free start of the hour/minute/second. */
  at?: LocalMs;
  cost: number;
}

interface Plan {
  firstPeriodAtOrAfter(local: LocalMs): number;
  periodBounds(index: number): PeriodBounds;
  instancesIn(bounds: PeriodBounds): LocalMs[];
  /** Sub-daily rules skip the rest of a day the day filters reject. */
  skipAfter(bounds: PeriodBounds, found: number): number;
}

const SUB_DAILY_UNIT = { HOURLY: HOUR, MINUTELY: MINUTE, SECONDLY: 1000 } as const;

function planOf(rule: RecurrenceRule, dtstart: LocalMs): Plan {
  const start = new Date(dtstart);
  const dtYear = start.getUTCFullYear();
  const dtMonth = start.getUTCMonth();
  const dtDay = Math.floor(dtstart / DAY) * DAY;
  const wkst = WEEKDAYS.indexOf(rule.wkst ?? 'MO');
  const filter = dayFilter(rule, start);
  const interval = rule.interval;

  if (rule.freq === 'HOURLY' || rule.freq === 'MINUTELY' || rule.freq === 'SECONDLY') {
    const unit = SUB_DAILY_UNIT[rule.freq] * interval;
    const origin =
      dtstart -
      (rule.freq === 'HOURLY'
        ? dtstart % HOUR
        : rule.freq === 'MINUTELY'
          ? dtstart % MINUTE
          : dtstart % 1000);
    const times = subDailyTimes(rule, start);
    return {
      firstPeriodAtOrAfter: (local) => Math.max(0, Math.floor((local - origin) / unit) - 1),
      periodBounds: (index) => {
        const at = origin + index * unit;
        const day = Math.floor(at / DAY) * DAY;
        return { first: day, last: day, at, cost: 1 };
      },
      instancesIn: (bounds) => {
        if (!filter(dayInfo(bounds.first))) return [];
        return times(bounds.at!);
      },
      skipAfter: (bounds, found) => {
        if (found || filter(dayInfo(bounds.first))) return 0;
        // The whole day is filtered out: jump to the last period of the day.
        const nextDay = bounds.first + DAY;
        return Math.max(0, Math.ceil((nextDay - bounds.at!) / unit) - 1);
      },
    };
  }

  const timeset = dailyTimes(rule, start);
  const setPos = rule.bySetPos;
  const collect = (first: LocalMs, last: LocalMs): LocalMs[] => {
    const days: LocalMs[] = [];
    for (let day = first; day <= last; day += DAY) if (filter(dayInfo(day))) days.push(day);
    const instances: LocalMs[] = [];
    for (const day of days) for (const time of timeset) instances.push(day + time);
    return setPos ? pickSetPositions(instances, setPos) : instances;
  };
  const yearStart = (index: number) => Date.UTC(dtYear + index * interval, 0, 1);
  const monthStart = (index: number) => Date.UTC(dtYear, dtMonth + index * interval, 1);
  const weekOrigin = dtDay - ((((start.getUTCDay() + 6) % 7) - wkst + 7) % 7) * DAY;

  switch (rule.freq) {
    case 'YEARLY':
      return coarse(
        (local) => Math.max(0, Math.floor((new Date(local).getUTCFullYear() - dtYear) / interval) - 1),
        (index) => ({
          first: yearStart(index),
          last: Date.UTC(dtYear + index * interval, 11, 31),
          cost: 366,
        }),
        collect,
      );
    case 'MONTHLY':
      return coarse(
        (local) => {
          const d = new Date(local);
          return Math.max(
            0,
            Math.floor(((d.getUTCFullYear() - dtYear) * 12 + d.getUTCMonth() - dtMonth) / interval) - 1,
          );
        },
        (index) => {
          const first = monthStart(index);
          const d = new Date(first);
          return { first, last: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0), cost: 31 };
        },
        collect,
      );
    case 'WEEKLY':
      return coarse(
        (local) => Math.max(0, Math.floor((local - weekOrigin) / (7 * DAY * interval)) - 1),
        (index) => {
          const first = weekOrigin + index * 7 * DAY * interval;
          return { first, last: first + 6 * DAY, cost: 7 };
        },
        collect,
      );
    case 'DAILY':
      return coarse(
        (local) => Math.max(0, Math.floor((local - dtDay) / (DAY * interval)) - 1),
        (index) => {
          const first = dtDay + index * DAY * interval;
          return { first, last: first, cost: 1 };
        },
        collect,
      );
  }
}

function coarse(
  first: Plan['firstPeriodAtOrAfter'],
  bounds: Plan['periodBounds'],
  collect: (first: LocalMs, last: LocalMs) => LocalMs[],
): Plan {
  return {
    firstPeriodAtOrAfter: first,
    periodBounds: bounds,
    instancesIn: (b) => collect(b.first, b.last),
    skipAfter: () => 0,
  };
}

/** BYSETPOS: 1-based positions from the start, negative from the end, in time order, no duplicates. */
function pickSetPositions(instances: LocalMs[], positions: number[]): LocalMs[] {
  const picked = new Set<LocalMs>();
  for (const position of positions) {
    const index = position > 0 ? position - 1 : instances.length + position;
    if (index >= 0 && index < instances.length) picked.add(instances[index]);
  }
  return [...picked].sort((a, b) => a - b);
}

/** Times of day for DAILY and coarser: BYHOUR × BYMINUTE × BYSECOND, each defaulting to DTSTART's. */
function dailyTimes(rule: RecurrenceRule, start: Date): number[] {
  const hours = rule.byHour ?? [start.getUTCHours()];
  const minutes = rule.byMinute ?? [start.getUTCMinutes()];
  const seconds = rule.bySecond ?? [start.getUTCSeconds()];
  const times = hours.flatMap((h) =>
    minutes.flatMap((m) => seconds.map((s) => h * HOUR + m * MINUTE + s * 1000)),
  );
  return [...new Set(times)].sort((a, b) => a - b);
}

/** Instances inside one sub-daily period: the period itself, expanded by the finer BY parts. */
function subDailyTimes(rule: RecurrenceRule, start: Date): (at: LocalMs) => LocalMs[] {
  const byHour = rule.byHour && new Set(rule.byHour);
  const minutes = rule.byMinute ? [...rule.byMinute].sort((a, b) => a - b) : undefined;
  const seconds = rule.bySecond ? [...rule.bySecond].sort((a, b) => a - b) : undefined;
  return (at) => {
    const t = new Date(at);
    if (byHour && !byHour.has(t.getUTCHours())) return [];
    const hourStart = at - (at % HOUR);
    let found: LocalMs[];
    if (rule.freq === 'HOURLY') {
      const mins = minutes ?? [start.getUTCMinutes()];
      const secs = seconds ?? [start.getUTCSeconds()];
      found = mins.flatMap((m) => secs.map((s) => hourStart + m * MINUTE + s * 1000));
    } else if (rule.freq === 'MINUTELY') {
      if (minutes && !minutes.includes(t.getUTCMinutes())) return [];
      const minuteStart = at - (at % MINUTE);
      found = (seconds ?? [start.getUTCSeconds()]).map((s) => minuteStart + s * 1000);
    } else {
      if (minutes && !minutes.includes(t.getUTCMinutes())) return [];
      if (seconds && !seconds.includes(t.getUTCSeconds())) return [];
      found = [at];
    }
    return rule.bySetPos ? pickSetPositions(found, rule.bySetPos) : found;
  };
}

/**
 * The day filter: BYMONTH, BYWEEKNO, BYYEARDAY, BYMONTHDAY and BYDAY as masks over days, with
 * dateutil's defaults from DTSTART when a coarse rule names no day at all.
 */
function dayFilter(rule: RecurrenceRule, start: Date): (day: CalendarDay) => boolean {
  let byMonth = rule.byMonth?.map((m) => m.month);
  let byMonthDay = rule.byMonthDay;
  let byDay = rule.byDay;
  if (!rule.byWeekNo && !rule.byYearDay && !rule.byMonthDay && !rule.byDay) {
    if (rule.freq === 'YEARLY') {
      byMonth ??= [start.getUTCMonth() + 1];
      byMonthDay = [start.getUTCDate()];
    } else if (rule.freq === 'MONTHLY') {
      byMonthDay = [start.getUTCDate()];
    } else if (rule.freq === 'WEEKLY') {
      byDay = [{ weekday: WEEKDAYS[(start.getUTCDay() + 6) % 7] }];
    }
  }
  const months = byMonth && new Set(byMonth);
  const monthDays = byMonthDay && new Set(byMonthDay);
  const yearDays = rule.byYearDay && new Set(rule.byYearDay);
  const weekNumbers = rule.byWeekNo && new Set(rule.byWeekNo);
  const plainWeekdays =
    byDay && new Set(byDay.filter((d) => d.n === undefined).map((d) => WEEKDAYS.indexOf(d.weekday)));
  const nthWeekdays = byDay
    ?.filter((d) => d.n !== undefined)
    .map((d) => ({ weekday: WEEKDAYS.indexOf(d.weekday), n: d.n! }));
  // Ordinals count within the month for MONTHLY (and YEARLY with BYMONTH), else within the year.
  const nthInMonth = rule.freq === 'MONTHLY' || (rule.freq === 'YEARLY' && !!rule.byMonth);
  const wkst = WEEKDAYS.indexOf(rule.wkst ?? 'MO');

  return (d) => {
    if (months && !months.has(d.month)) return false;
    if (monthDays && !monthDays.has(d.monthDay) && !monthDays.has(d.monthDay - d.monthLength - 1))
      return false;
    if (yearDays && !yearDays.has(d.yearDay) && !yearDays.has(d.yearDay - d.yearLength - 1)) return false;
    if (weekNumbers && !matchesWeekNumber(d, wkst, weekNumbers)) return false;
    if (byDay) {
      const plain = plainWeekdays!.has(d.weekday);
      if (!plain) {
        const index = nthInMonth ? d.monthDay : d.yearDay;
        const length = nthInMonth ? d.monthLength : d.yearLength;
        const forward = Math.floor((index - 1) / 7) + 1;
        const backward = -(Math.floor((length - index) / 7) + 1);
        if (!nthWeekdays!.some((w) => w.weekday === d.weekday && (w.n === forward || w.n === backward)))
          return false;
      }
    }
    return true;
  };
}

/**
 * RFC 5545 week numbers: week 1 is the first week (starting on WKST) with at least four days in
 * the year. Days before it belong to the previous year's last week; days from next year's week 1
 * on belong to week 1.
 */
function matchesWeekNumber(d: CalendarDay, wkst: number, wanted: Set<number>): boolean {
  const thisWeek1 = week1Start(d.year, wkst);
  const nextWeek1 = week1Start(d.year + 1, wkst);
  if (d.day >= nextWeek1) {
    const weeksNext = (week1Start(d.year + 2, wkst) - nextWeek1) / (7 * DAY);
    return wanted.has(1) || wanted.has(-weeksNext);
  }
  if (d.day < thisWeek1) {
    const weeksPrevious = (thisWeek1 - week1Start(d.year - 1, wkst)) / (7 * DAY);
    return wanted.has(weeksPrevious) || wanted.has(-1);
  }
  const weeks = (nextWeek1 - thisWeek1) / (7 * DAY);
  const number = Math.floor((d.day - thisWeek1) / (7 * DAY)) + 1;
  return wanted.has(number) || wanted.has(number - weeks - 1);
}
