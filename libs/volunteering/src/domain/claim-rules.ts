import { DomainError } from '@linli/platform/domain-error';
import type { VolunteeringErrorCode } from './volunteering-errors';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** What the rules need to know about the shift being claimed. */
export interface ShiftFacts {
  id: string;
  title: string;
  locationText?: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  status: 'open' | 'cancelled';
  capacity: number;
  confirmedCount: number;
  heldCount: number;
  requiredQualifications: string[];
  minAge?: number | null;
  reservedForKinds: string[];
}

export interface PersonFacts {
  active: boolean;
  birthYear?: number | null;
  qualifications: string[];
  /** Kinds of the partner organisations the person belongs to (active memberships). */
  partnerKinds: string[];
}

/** The person's confirmed shifts near this one (same week, either side), for overlap, rest and limits. */
export interface NearbyShift {
  title: string;
  locationText?: string | null;
  startsAt: Date;
  endsAt: Date;
}

export interface ClaimRules {
  signupOpensDays: number;
  cancelCutoffMinutes: number;
  minRestMinutes: number;
  maxMinutesPerDay: number;
  maxMinutesPerWeek: number;
}

export type ClaimDecision = 'confirm' | 'waitlist';

/**
 * Whether a person may take a place, and whether it is confirmed or waitlisted. Throws a coded
 * refusal naming the rule and why. Pure: the caller loads the facts (under locks) and passes `now`.
 * `viaReservation`: the place is one the person's organisation holds (capacity is already theirs).
 */
export function decideClaim(input: {
  now: Date;
  shift: ShiftFacts;
  person: PersonFacts;
  nearby: NearbyShift[];
  rules: ClaimRules;
  viaReservation?: boolean;
  /** Organisers may place people outside the sign-up window. */
  byOrganiser?: boolean;
}): ClaimDecision {
  const { now, shift, person, rules } = input;
  if (shift.status === 'cancelled')
    throw refusal('SHIFT_CANCELLED', `「${shift.title}」已取消 · the shift is cancelled`);
  if (shift.startsAt <= now)
    throw refusal('SHIFT_STARTED', `「${shift.title}」已开始 · the shift has already started`);
  if (!person.active) throw refusal('PERSON_INACTIVE', '该志愿者已停用 · this person is deactivated');
  const opensAt = new Date(shift.startsAt.getTime() - rules.signupOpensDays * DAY);
  if (!input.byOrganiser && now < opensAt) {
    throw refusal(
      'SIGNUP_NOT_OPEN',
      `报名将于 ${wallClock(opensAt, shift.timeZone)} 开始 · sign-up opens ${opensAt.toISOString()}`,
    );
  }
  const missing = shift.requiredQualifications.filter((q) => !person.qualifications.includes(q));
  if (missing.length)
    throw refusal('QUALIFICATION_MISSING', `需要 ${missing.join('、')} · requires ${missing.join(', ')}`);
  if (shift.minAge) {
    const shiftYear = Number(wallClock(shift.startsAt, shift.timeZone).slice(0, 4));
    // Year of birth only: someone who turns the minimum age in the shift's year is let through.
    if (!person.birthYear || shiftYear - person.birthYear < shift.minAge) {
      throw refusal('AGE_BELOW_MINIMUM', `需年满 ${shift.minAge} 岁 · minimum age ${shift.minAge}`);
    }
  }
  if (
    shift.reservedForKinds.length &&
    !shift.reservedForKinds.some((kind) => person.partnerKinds.includes(kind))
  ) {
    throw refusal(
      'PARTNER_KIND_REQUIRED',
      `仅限 ${shift.reservedForKinds.join('、')} 成员 · reserved for members of: ${shift.reservedForKinds.join(', ')}`,
    );
  }
  checkTimeRules(shift, input.nearby, rules);
  const free = shift.capacity - shift.confirmedCount - shift.heldCount;
  if (input.viaReservation || free > 0) return 'confirm';
  // Inside the cut-off nobody would be promoted in time, so a waitlist place would be a false promise.
  const cutoff = shift.startsAt.getTime() - rules.cancelCutoffMinutes * MINUTE;
  if (now.getTime() >= cutoff)
    throw refusal(
      'SHIFT_FULL',
      `「${shift.title}」已满，且临近开始不再候补 · the shift is full and too close to start for a waitlist`,
    );
  return 'waitlist';
}

/** Overlap, minimum rest and daily/weekly maximums against the person's other confirmed shifts. */
export function checkTimeRules(
  shift: Pick<ShiftFacts, 'startsAt' | 'endsAt' | 'timeZone'>,
  nearby: NearbyShift[],
  rules: ClaimRules,
): void {
  const start = shift.startsAt.getTime();
  const end = shift.endsAt.getTime();
  for (const other of nearby) {
    const otherStart = other.startsAt.getTime();
    const otherEnd = other.endsAt.getTime();
    if (otherStart < end && start < otherEnd) {
      throw refusal(
        'CLAIM_OVERLAPS',
        `与您 ${describe(other, shift.timeZone)} 的班次时间重叠 · overlaps your shift ${describe(other, shift.timeZone)}`,
      );
    }
    const gap = Math.max(otherStart - end, start - otherEnd);
    if (rules.minRestMinutes > 0 && gap < rules.minRestMinutes * MINUTE) {
      throw refusal(
        'REST_TOO_SHORT',
        `与 ${describe(other, shift.timeZone)} 之间需休息 ${rules.minRestMinutes} 分钟 · needs ${rules.minRestMinutes} min rest after ${describe(other, shift.timeZone)}`,
      );
    }
  }
  const minutes = (end - start) / MINUTE;
  const day = wallClock(shift.startsAt, shift.timeZone).slice(0, 10);
  const week = isoWeek(shift.startsAt, shift.timeZone);
  const sameDay = nearby.filter((o) => wallClock(o.startsAt, shift.timeZone).slice(0, 10) === day);
  const sameWeek = nearby.filter((o) => isoWeek(o.startsAt, shift.timeZone) === week);
  const total = (list: NearbyShift[]) =>
    list.reduce((sum, o) => sum + (o.endsAt.getTime() - o.startsAt.getTime()) / MINUTE, minutes);
  if (total(sameDay) > rules.maxMinutesPerDay) {
    throw refusal(
      'DAILY_LIMIT',
      `当天服务将超过 ${rules.maxMinutesPerDay / 60} 小时 · more than ${rules.maxMinutesPerDay / 60} h on ${day}`,
    );
  }
  if (total(sameWeek) > rules.maxMinutesPerWeek) {
    throw refusal(
      'WEEKLY_LIMIT',
      `本周服务将超过 ${rules.maxMinutesPerWeek / 60} 小时 · more than ${rules.maxMinutesPerWeek / 60} h in week ${week}`,
    );
  }
}

/** Whether a volunteer may still cancel themselves (organisers always may). */
export function assertMayCancel(
  now: Date,
  shift: Pick<ShiftFacts, 'startsAt' | 'title'>,
  rules: Pick<ClaimRules, 'cancelCutoffMinutes'>,
): void {
  if (now.getTime() >= shift.startsAt.getTime() - rules.cancelCutoffMinutes * MINUTE) {
    throw refusal(
      'CANCEL_CUTOFF_PASSED',
      `开始前 ${rules.cancelCutoffMinutes} 分钟内不能自行取消，请联系组织者 · cannot cancel within ${rules.cancelCutoffMinutes} min of the start; contact the organiser`,
    );
  }
}

/** A waitlisted person is promoted when a place frees up, unless the shift is inside the cut-off. */
export function mayPromoteWaitlist(
  now: Date,
  shift: Pick<ShiftFacts, 'startsAt' | 'status'>,
  rules: Pick<ClaimRules, 'cancelCutoffMinutes'>,
): boolean {
  return (
    shift.status === 'open' && now.getTime() < shift.startsAt.getTime() - rules.cancelCutoffMinutes * MINUTE
  );
}

/**
 * Every code decideClaim refuses a claim with: the API documents them on each operation that runs
 * the rules, and `refusal` takes no other (a new rule's code must be added here to compile).
 */
export const CLAIM_REFUSALS = [
  'SHIFT_CANCELLED',
  'SHIFT_STARTED',
  'SHIFT_FULL',
  'PERSON_INACTIVE',
  'PARTNER_KIND_REQUIRED',
  'QUALIFICATION_MISSING',
  'AGE_BELOW_MINIMUM',
  'SIGNUP_NOT_OPEN',
  'CLAIM_OVERLAPS',
  'REST_TOO_SHORT',
  'DAILY_LIMIT',
  'WEEKLY_LIMIT',
] as const satisfies readonly VolunteeringErrorCode[];

const refusal = (
  code: (typeof CLAIM_REFUSALS)[number] | 'CANCEL_CUTOFF_PASSED',
  message: string,
): DomainError => new DomainError(code, message);

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `2026-12-01 14:00` in a zone. Formatters are cached: building one costs far more than using it. */
export function wallClock(instant: Date, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  return format.format(instant).replace(',', '');
}

function describe(shift: NearbyShift, timeZone: string): string {
  const start = wallClock(shift.startsAt, timeZone);
  const end = wallClock(shift.endsAt, timeZone);
  const span = start.slice(0, 10) === end.slice(0, 10) ? `${start}-${end.slice(11)}` : `${start} - ${end}`;
  return `${span} ${shift.title}${shift.locationText ? ` @ ${shift.locationText}` : ''}`;
}

/** ISO week of the instant's local date, e.g. 2026-W49. */
export function isoWeek(instant: Date, timeZone: string): string {
  const date = new Date(`${wallClock(instant, timeZone).slice(0, 10)}T00:00:00Z`);
  // The ISO week belongs to the year of its Thursday.
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * DAY);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY));
  return `${year}-W${String(week).padStart(2, '0')}`;
}
