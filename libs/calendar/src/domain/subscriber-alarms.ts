import type { CalendarEntry } from './calendar-entry';

/**
 * A feed's alarms are its subscriber's: whoever's calendar rings is whoever chose the times
 * (their reminder preferences), also on a feed about someone else. Sources put alarms on the
 * entries that should ring (a place the person holds; none for the waitlist or a cancellation);
 * this keeps that choice and replaces the times. `undefined`: the subscriber never chose (the
 * sources' defaults stay); an empty list: no alarms at all.
 *
 * Quiet hours are the mail reminders' concern: a VALARM rings on the subscriber's device, which
 * has its own do-not-disturb, and a trigger moved by quiet hours would differ per entry.
 */
export function withSubscriberAlarms(
  entries: CalendarEntry[],
  alarmMinutesBefore: readonly number[] | undefined,
): CalendarEntry[] {
  if (alarmMinutesBefore === undefined) return entries;
  const alarms = [...alarmMinutesBefore];
  return entries.map((entry) =>
    entry.alarmMinutesBefore === undefined ? entry : { ...entry, alarmMinutesBefore: alarms },
  );
}
