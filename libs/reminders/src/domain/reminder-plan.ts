import { instantOf, localParts, minutesOfDay } from './local-time';

export interface QuietHours {
  /** 'HH:mm' local; equal start and end mean no quiet hours. */
  start: string;
  end: string;
}

export interface ReminderPlanInput {
  shiftStart: Date;
  /** Minutes before the start. */
  offsetsMinutes: readonly number[];
  quiet: QuietHours;
  /** The community's IANA zone: quiet hours are read on its wall clock. */
  timeZone: string;
  now: Date;
}

export interface PlannedReminder {
  offsetMinutes: number;
  dueAt: Date;
  /** True when the due time fell in quiet hours and was moved to their end. */
  movedOutOfQuiet: boolean;
}

/**
 * When a person's reminders for one shift are due.
 * - Each offset gives `shiftStart - offset`; a time already past at `now` is dropped (a late
 *   claim does not get a "24 hours before" mail 3 hours before).
 * - A time inside quiet hours (local wall clock, quiet start inclusive, end exclusive; the period
 *   may wrap midnight) moves to the end of that quiet period, the morning.
 * - Moved to or past the shift start, it is dropped rather than sent late: a reminder after the
 *   shift began helps nobody, and sending it at night is what quiet hours forbid. The person's
 *   other offsets (by default 24 h before) still remind them.
 * - Two offsets landing on the same instant (both moved to the morning) give one reminder, the
 *   nearer-to-start offset's.
 * Sorted by due time.
 */
export function planReminders(input: ReminderPlanInput): PlannedReminder[] {
  const { shiftStart, quiet, timeZone, now } = input;
  const offsets = [...new Set(input.offsetsMinutes)].filter((o) => Number.isFinite(o) && o > 0);
  // Smallest offset first, so it wins a tie on the same instant.
  offsets.sort((a, b) => a - b);
  const byInstant = new Map<number, PlannedReminder>();
  for (const offsetMinutes of offsets) {
    const due = new Date(shiftStart.getTime() - offsetMinutes * 60_000);
    if (due.getTime() < now.getTime()) continue;
    const quietEnd = endOfQuietPeriod(due, quiet, timeZone);
    const dueAt = quietEnd ?? due;
    if (dueAt.getTime() >= shiftStart.getTime()) continue;
    if (!byInstant.has(dueAt.getTime()))
      byInstant.set(dueAt.getTime(), { offsetMinutes, dueAt, movedOutOfQuiet: quietEnd !== null });
  }
  return [...byInstant.values()].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/** The end of the quiet period `instant` lies in, or null when it is outside quiet hours. */
export function endOfQuietPeriod(instant: Date, quiet: QuietHours, timeZone: string): Date | null {
  const start = minutesOfDay(quiet.start);
  const end = minutesOfDay(quiet.end);
  if (start === end) return null;
  const { day, minute } = localParts(instant, timeZone);
  const wraps = start > end;
  const inQuiet = wraps ? minute >= start || minute < end : minute >= start && minute < end;
  if (!inQuiet) return null;
  // Before midnight in a wrapping period: it ends tomorrow morning.
  const endDay = wraps && minute >= start ? day + 24 * 60 * 60_000 : day;
  return instantOf(endDay, end, timeZone);
}
