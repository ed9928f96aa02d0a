import { RecurrenceError } from '../errors';
import type { HolidayCalendar } from '../holidays/holiday-calendar';
import type { RecurrenceRule } from '../rule/recurrence-rule';
import { DAY, LocalMs, formatLocalDate, startOfLocalDay, weekdayOf } from '../time/local-date-time';
import type { Candidate, LocalRange } from './candidate';
import type { HolidayPolicy, SkippedOccurrence } from './occurrence';

const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR'];
/** How far a skipped session may move: the longest run of days off (Spring Festival) is 9 days. */
export const MAX_MOVE_DAYS = 14;

/**
 * "Every weekday" rules are the ones make-up workdays apply to: a make-up Saturday is worked as
 * some weekday, and only a rule that runs on every weekday is sure to cover it.
 */
export function assertPolicyApplies(policy: HolidayPolicy, rule: RecurrenceRule | undefined): void {
  if (policy !== 'skip_holidays_add_workdays') return;
  const days = rule?.byDay;
  const everyWeekday =
    rule &&
    (rule.freq === 'WEEKLY' || rule.freq === 'DAILY') &&
    rule.interval === 1 &&
    days?.length === 5 &&
    days.every((d) => d.n === undefined && WEEKDAY_CODES.includes(d.weekday)) &&
    new Set(days.map((d) => d.weekday)).size === 5;
  if (!everyWeekday) {
    throw new RecurrenceError(
      'HOLIDAY_POLICY_NOT_APPLICABLE',
      'skip_holidays_add_workdays needs an every-weekday rule (FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR); use skip_holidays for other rules',
      'holidayPolicy',
    );
  }
}

function isWorkingDay(calendar: HolidayCalendar, day: LocalMs): boolean {
  const declared = calendar.day(formatLocalDate(day));
  if (declared) return declared.kind === 'workday';
  const weekday = weekdayOf(day);
  return weekday !== 0 && weekday !== 6;
}

/**
 * Applies a holiday policy to candidates (already without EXDATEs and overrides). Returns what
 * stays, with flags, and what was dropped, with the holiday's name.
 */
export function applyHolidayPolicy(
  candidates: Candidate[],
  policy: HolidayPolicy,
  calendar: HolidayCalendar,
  context: { timesOfDay: number[]; range: LocalRange },
): { kept: Candidate[]; skipped: SkippedOccurrence[] } {
  if (policy === 'ignore') return { kept: candidates, skipped: [] };
  const kept: Candidate[] = [];
  const skipped: SkippedOccurrence[] = [];
  const taken = new Set(candidates.map((c) => c.start));
  for (const candidate of candidates) {
    const day = startOfLocalDay(candidate.start);
    if (!calendar.hasDataFor(new Date(day).getUTCFullYear())) {
      kept.push({ ...candidate, flags: [...candidate.flags, 'holiday_data_missing'] });
      continue;
    }
    const declared = calendar.day(formatLocalDate(day));
    if (declared?.kind !== 'off') {
      kept.push(candidate);
      continue;
    }
    if (policy !== 'move_to_next_workday') {
      skipped.push({
        recurrenceId: candidate.recurrenceId,
        reason: 'statutory_holiday',
        holidayName: declared.name,
      });
      continue;
    }
    let target = day + DAY;
    while (target - day <= MAX_MOVE_DAYS * DAY && !isWorkingDay(calendar, target)) target += DAY;
    const start = target + (candidate.start - day);
    if (taken.has(start)) {
      skipped.push({
        recurrenceId: candidate.recurrenceId,
        reason: 'merged_with_existing',
        holidayName: declared.name,
      });
      continue;
    }
    taken.add(start);
    kept.push({
      ...candidate,
      start,
      flags: [...candidate.flags, 'moved_from_holiday'],
      holidayName: declared.name,
    });
  }
  if (policy === 'skip_holidays_add_workdays') kept.push(...makeUpSessions(calendar, context, taken));
  kept.sort((a, b) => a.start - b.start);
  return { kept, skipped };
}

/** Sessions on weekend make-up workdays inside the range, at the rule's times of day. */
function makeUpSessions(
  calendar: HolidayCalendar,
  context: { timesOfDay: number[]; range: LocalRange },
  taken: Set<LocalMs>,
): Candidate[] {
  const added: Candidate[] = [];
  for (let day = startOfLocalDay(context.range.from); day <= context.range.to; day += DAY) {
    const weekday = weekdayOf(day);
    if (weekday !== 0 && weekday !== 6) continue;
    const declared = calendar.day(formatLocalDate(day));
    if (declared?.kind !== 'workday') continue;
    for (const time of context.timesOfDay) {
      const start = day + time;
      if (start < context.range.from || start > context.range.to || taken.has(start)) continue;
      added.push({ recurrenceId: start, start, flags: ['makeup_workday'], holidayName: declared.name });
    }
  }
  return added;
}
