import { Frequency as RRuleFrequency, RRule, Weekday as RRuleWeekday } from 'rrule';
import { RecurrenceError } from '../errors';
import type { Frequency, RecurrenceRule } from '../rule/recurrence-rule';
import { WEEKDAYS } from '../rule/recurrence-rule';
import { DAY, HOUR, LocalMs, MINUTE } from '../time/local-date-time';
import type { Candidate, LocalRange } from './candidate';
import { LIMITS } from './occurrence';

const RRULE_FREQUENCY: Record<Frequency, RRuleFrequency> = {
  YEARLY: RRule.YEARLY,
  MONTHLY: RRule.MONTHLY,
  WEEKLY: RRule.WEEKLY,
  DAILY: RRule.DAILY,
  HOURLY: RRule.HOURLY,
  MINUTELY: RRule.MINUTELY,
  SECONDLY: RRule.SECONDLY,
};

/** Rough work per period for rrule.js: it builds a day set per period for the coarse frequencies. */
const PERIOD: Record<Frequency, { length: number; work: number }> = {
  YEARLY: { length: 365 * DAY, work: 366 },
  MONTHLY: { length: 28 * DAY, work: 31 },
  WEEKLY: { length: 7 * DAY, work: 7 },
  DAILY: { length: DAY, work: 1 },
  HOURLY: { length: HOUR, work: 1 },
  MINUTELY: { length: MINUTE, work: 1 },
  SECONDLY: { length: 1000, work: 1 },
};

/**
 * Candidates of a Gregorian rule inside a local range. rrule.js does the RFC 5545 arithmetic on
 * floating ("fake UTC") wall times, where it is correct and fast; zones are applied afterwards.
 * It always iterates from DTSTART, so the work from DTSTART to the end of the range is bounded
 * first: a rule that would need millions of periods fails fast instead of hanging.
 */
export function gregorianCandidates(rule: RecurrenceRule, dtstart: LocalMs, range: LocalRange, untilLocal?: LocalMs): Candidate[] {
  const end = untilLocal === undefined ? range.to : Math.min(range.to, untilLocal);
  if (end < dtstart) return [];
  const period = PERIOD[rule.freq];
  const work = ((end - dtstart) / (period.length * rule.interval)) * period.work;
  if (work > LIMITS.maxIterations) {
    throw new RecurrenceError(
      'RECURRENCE_LIMIT',
      `FREQ=${rule.freq} from DTSTART to the end of the window needs too much work; start the series later or use a shorter window`,
      'FREQ',
    );
  }
  const options = {
    freq: RRULE_FREQUENCY[rule.freq],
    dtstart: new Date(dtstart),
    interval: rule.interval,
    count: rule.count ?? null,
    // A bound for iteration only; UNTIL itself is applied to instants by the caller.
    until: new Date(end),
    wkst: rule.wkst ? WEEKDAYS.indexOf(rule.wkst) : null,
    bymonth: rule.byMonth?.map((m) => m.month) ?? null,
    bymonthday: rule.byMonthDay ?? null,
    byyearday: rule.byYearDay ?? null,
    byweekno: rule.byWeekNo ?? null,
    byweekday: rule.byDay?.map((d) => new RRuleWeekday(WEEKDAYS.indexOf(d.weekday), d.n)) ?? null,
    byhour: rule.byHour ?? null,
    byminute: rule.byMinute ?? null,
    bysecond: rule.bySecond ?? null,
    bysetpos: rule.bySetPos ?? null,
    tzid: null,
  };
  // RFC 5545: DTSTART is always the first instance, and COUNT includes it, even when it does not
  // match the rule (rrule.js would leave it out).
  const dtstartMatches = new RRule({ ...options, count: 1 }).all()[0]?.getTime() === dtstart;
  const rrule = dtstartMatches || !rule.count ? new RRule(options) : new RRule({ ...options, count: rule.count - 1 });
  const dates = rule.count === 1 && !dtstartMatches ? [] : rrule.between(new Date(range.from), new Date(end), true);
  const candidates: Candidate[] = [];
  if (!dtstartMatches && dtstart >= range.from && dtstart <= end) candidates.push({ recurrenceId: dtstart, start: dtstart, flags: [] });
  for (let i = 0; i < dates.length; i++) {
    const start = dates[i].getTime();
    candidates.push({ recurrenceId: start, start, flags: [] });
  }
  return candidates;
}
