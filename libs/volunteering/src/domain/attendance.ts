import { DomainError } from '@linli/platform/domain-error';
import { wallClock } from './claim-rules';

const MINUTE = 60_000;

/** Volunteers may check in from an hour before the start (setting up) until the end. */
export const CHECKIN_OPENS_MINUTES_BEFORE = 60;
/**
 * Check-out stays open two hours past the end (people leave late, or forget and remember on the
 * way home); after that the claim is closed for them, credited until the shift's end.
 */
export const CHECKOUT_CLOSES_MINUTES_AFTER = 120;

export interface AttendanceShift {
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  status: 'open' | 'cancelled';
}

export function checkInWindow(shift: Pick<AttendanceShift, 'startsAt' | 'endsAt'>): {
  opensAt: Date;
  closesAt: Date;
} {
  return {
    opensAt: new Date(shift.startsAt.getTime() - CHECKIN_OPENS_MINUTES_BEFORE * MINUTE),
    closesAt: shift.endsAt,
  };
}

/** The instant after which an open check-in is closed without the person (see closeOpenCheckIns). */
export function checkOutClosesAt(shift: Pick<AttendanceShift, 'endsAt'>): Date {
  return new Date(shift.endsAt.getTime() + CHECKOUT_CLOSES_MINUTES_AFTER * MINUTE);
}

export function assertCheckInOpen(now: Date, shift: AttendanceShift): void {
  assertNotCancelled(shift);
  const { opensAt, closesAt } = checkInWindow(shift);
  if (now < opensAt || now > closesAt) {
    throw new DomainError(
      'CHECKIN_NOT_OPEN',
      `「${shift.title}」签到时间为 ${wallClock(opensAt, shift.timeZone)} 至 ${wallClock(closesAt, shift.timeZone)} · check-in is open from ${opensAt.toISOString()} to ${closesAt.toISOString()}`,
    );
  }
}

export function assertCheckOutOpen(now: Date, shift: AttendanceShift): void {
  assertNotCancelled(shift);
  const closesAt = checkOutClosesAt(shift);
  if (now > closesAt) {
    throw new DomainError(
      'CHECKIN_NOT_OPEN',
      `「${shift.title}」签退已于 ${wallClock(closesAt, shift.timeZone)} 截止，请联系组织者确认 · check-out closed at ${closesAt.toISOString()}; ask an organiser to confirm attendance`,
    );
  }
}

/** Attendance is recorded once the shift has begun: nobody is absent from a shift not yet started. */
export function assertAttendanceRecordable(now: Date, shift: AttendanceShift): void {
  assertNotCancelled(shift);
  if (now < shift.startsAt) {
    throw new DomainError(
      'SHIFT_NOT_STARTED',
      `「${shift.title}」将于 ${wallClock(shift.startsAt, shift.timeZone)} 开始 · the shift starts ${shift.startsAt.toISOString()}`,
    );
  }
}

function assertNotCancelled(shift: AttendanceShift): void {
  if (shift.status === 'cancelled')
    throw new DomainError('SHIFT_CANCELLED', `「${shift.title}」已取消 · the shift is cancelled`);
}

/**
 * Compares a typed check-in code with the shift's in time independent of where they differ, so
 * response times do not leak the code digit by digit.
 */
export function checkInCodeMatches(given: string, expected: string): boolean {
  let difference = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) {
    difference |= (given.charCodeAt(i) || 0) ^ expected.charCodeAt(i);
  }
  return difference === 0;
}

/**
 * Service minutes for one claim.
 * - An organiser's confirmation credits the planned time (the shift's length), whatever the
 *   check-in record says: that is what the organiser vouches for.
 * - Otherwise the checked-in time, clamped to the shift: arriving early or staying late earns
 *   nothing extra, arriving late or leaving early earns less.
 * - No check-out counts until the shift's end: the person was seen on site and the shift is the
 *   most they can be credited; an organiser can correct it with an adjustment.
 * - No check-in credits nothing.
 * Rounded to the nearest minute.
 */
export function creditedMinutes(input: {
  shiftStart: Date;
  shiftEnd: Date;
  checkedInAt?: Date | null;
  checkedOutAt?: Date | null;
  confirmedByOrganiser: boolean;
}): number {
  const start = input.shiftStart.getTime();
  const end = input.shiftEnd.getTime();
  if (input.confirmedByOrganiser) return Math.round((end - start) / MINUTE);
  if (!input.checkedInAt) return 0;
  const from = Math.max(input.checkedInAt.getTime(), start);
  const to = Math.min(input.checkedOutAt?.getTime() ?? end, end);
  return Math.max(0, Math.round((to - from) / MINUTE));
}

export type AttendanceOutcome = 'attended' | 'no_show';
export type RecordableStatus = 'confirmed' | 'waitlisted' | 'cancelled' | 'no_show' | 'completed';

/**
 * What an organiser's attendance record does to a claim. Confirmed claims are closed; completed
 * and no-show ones may be corrected (a no-show marked by mistake, a forgotten confirmation).
 * Waitlisted and cancelled people were never on the shift.
 */
export function decideAttendance(input: {
  status: RecordableStatus;
  outcome: AttendanceOutcome;
  creditPlannedTime: boolean;
  shiftStart: Date;
  shiftEnd: Date;
  checkedInAt?: Date | null;
  checkedOutAt?: Date | null;
}): { status: 'completed' | 'no_show'; creditedMinutes: number } {
  if (input.status === 'waitlisted' || input.status === 'cancelled') {
    throw new DomainError('CLAIM_NOT_ACTIVE', `the claim is ${input.status}; only confirmed people attend`);
  }
  if (input.outcome === 'no_show') return { status: 'no_show', creditedMinutes: 0 };
  if (!input.creditPlannedTime && !input.checkedInAt) {
    throw new DomainError(
      'NOT_CHECKED_IN',
      '没有签到记录，无法按签到时间计算 · no check-in to credit from; credit the planned time instead',
    );
  }
  return {
    status: 'completed',
    creditedMinutes: creditedMinutes({ ...input, confirmedByOrganiser: input.creditPlannedTime }),
  };
}

/** Minutes as hours with two decimals, the way 志愿服务时长 records write them. */
export function minutesToHours(minutes: number): number {
  return Math.round((minutes * 100) / 60) / 100;
}
