import { createHmac } from 'node:crypto';
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
 * The six digits for one local day, derived from the shift's own random secret (HMAC-SHA256 of
 * the date): a code photographed (or sent round) on another day does not work, and one day's
 * code says nothing about the next day's.
 */
export function dailyCheckInCode(secret: string, localDate: string): string {
  const digest = createHmac('sha256', secret).update(`linli-check-in:${localDate}`).digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).slice(0, 10);
}

/**
 * The codes that work at `now`: today's (in the shift's zone) and, for a shift whose check-in
 * window began on an earlier local day (overnight shifts), the code of each day since it opened,
 * so a code shown at the start keeps working until the end.
 */
export function acceptedCheckInCodes(
  secret: string,
  now: Date,
  shift: Pick<AttendanceShift, 'startsAt' | 'endsAt' | 'timeZone'>,
): string[] {
  const today = localDate(now, shift.timeZone);
  const dates = new Set([today]);
  const opens = checkInWindow(shift).opensAt;
  for (let day = opens; day < now && dates.size < 3; day = new Date(day.getTime() + 24 * 60 * MINUTE)) {
    const date = localDate(day, shift.timeZone);
    if (date < today) dates.add(date);
  }
  return [...dates].map((date) => dailyCheckInCode(secret, date));
}

/** A code any of `accepted` is; compared in constant time. */
export function checkInCodeAccepted(given: string, accepted: string[]): boolean {
  return accepted.reduce((ok, code) => checkInCodeMatches(given, code) || ok, false);
}

/**
 * Wrong codes allowed before check-in with a code is refused (429) for a while: per person
 * (whichever shift) and per shift (whoever types). With the window and the place checked first,
 * only someone with a confirmed place, on the day, can guess at all.
 */
export const CHECKIN_ATTEMPT_LIMITS = {
  perPerson: { limit: 5, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  perShift: { limit: 20, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
} as const;

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

/** Too many wrong codes: answered 429 with `Retry-After` (the api's RetryAfterInterceptor). */
export class CheckInAttemptsExceeded extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'TOO_MANY_REQUESTS',
      `签到码错误次数过多，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试，或请组织者为您签到 · too many wrong codes; try again in ${retryAfterSeconds} s or ask an organiser to check you in`,
    );
  }
}
