import { DomainError } from '@linli/platform/domain-error';
import {
  ClaimRules,
  NearbyShift,
  PersonFacts,
  ShiftFacts,
  assertMayCancel,
  decideClaim,
  isoWeek,
  mayPromoteWaitlist,
} from './claim-rules';

const NOW = new Date('2026-12-01T00:00:00Z');
const at = (iso: string) => new Date(iso);
const shift = (overrides: Partial<ShiftFacts> = {}): ShiftFacts => ({
  id: 's1',
  title: '城南市集 · 理发',
  locationText: '社区服务中心',
  startsAt: at('2026-12-04T01:00:00Z'), // 09:00 in Shanghai
  endsAt: at('2026-12-04T03:00:00Z'),
  timeZone: 'Asia/Shanghai',
  status: 'open',
  capacity: 5,
  confirmedCount: 0,
  heldCount: 0,
  requiredQualifications: [],
  minAge: null,
  reservedForKinds: [],
  ...overrides,
});
const person = (overrides: Partial<PersonFacts> = {}): PersonFacts => ({
  active: true,
  birthYear: 1990,
  qualifications: [],
  partnerKinds: [],
  ...overrides,
});
const rules: ClaimRules = {
  signupOpensDays: 30,
  cancelCutoffMinutes: 180,
  minRestMinutes: 0,
  maxMinutesPerDay: 600,
  maxMinutesPerWeek: 2400,
};
const nearby = (start: string, hours: number, title = '城南列车 · 幸福号'): NearbyShift => ({
  title,
  locationText: '翡翠龙湾小区',
  startsAt: at(start),
  endsAt: new Date(at(start).getTime() + hours * 3600_000),
});

function codeOf(work: () => unknown): string {
  try {
    return String(work());
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('decideClaim', () => {
  it.each<[string, Partial<Parameters<typeof decideClaim>[0]>, string]>([
    ['a free place confirms', {}, 'confirm'],
    ['a full shift waitlists outside the cut-off', { shift: shift({ confirmedCount: 5 }) }, 'waitlist'],
    [
      'held organisation places count as taken',
      { shift: shift({ confirmedCount: 3, heldCount: 2 }) },
      'waitlist',
    ],
    [
      'a reservation place confirms even when the open pool is full',
      { shift: shift({ confirmedCount: 3, heldCount: 2 }), viaReservation: true },
      'confirm',
    ],
    [
      'a full shift inside the cut-off is refused',
      { now: at('2026-12-03T23:00:00Z'), shift: shift({ confirmedCount: 5 }) },
      'SHIFT_FULL',
    ],
    ['a cancelled shift', { shift: shift({ status: 'cancelled' }) }, 'SHIFT_CANCELLED'],
    ['a started shift', { now: at('2026-12-04T01:30:00Z') }, 'SHIFT_STARTED'],
    ['an inactive person', { person: person({ active: false }) }, 'PERSON_INACTIVE'],
    [
      'before sign-up opens',
      { shift: shift({ startsAt: at('2027-02-01T01:00:00Z'), endsAt: at('2027-02-01T03:00:00Z') }) },
      'SIGNUP_NOT_OPEN',
    ],
    [
      'organisers place people before sign-up opens',
      {
        byOrganiser: true,
        shift: shift({ startsAt: at('2027-02-01T01:00:00Z'), endsAt: at('2027-02-01T03:00:00Z') }),
      },
      'confirm',
    ],
    [
      'a missing certificate',
      { shift: shift({ requiredQualifications: ['健康证'] }) },
      'QUALIFICATION_MISSING',
    ],
    [
      'the certificate held',
      {
        shift: shift({ requiredQualifications: ['健康证'] }),
        person: person({ qualifications: ['健康证'] }),
      },
      'confirm',
    ],
    ['under the minimum age', { shift: shift({ minAge: 60 }) }, 'AGE_BELOW_MINIMUM'],
    [
      'unknown birth year with a minimum age',
      { shift: shift({ minAge: 18 }), person: person({ birthYear: null }) },
      'AGE_BELOW_MINIMUM',
    ],
    ['turning the minimum age this year', { shift: shift({ minAge: 36 }) }, 'confirm'],
    [
      'not a member of the reserved kinds',
      { shift: shift({ reservedForKinds: ['stationed_unit'] }) },
      'PARTNER_KIND_REQUIRED',
    ],
    [
      'a member of a reserved kind',
      {
        shift: shift({ reservedForKinds: ['stationed_unit'] }),
        person: person({ partnerKinds: ['stationed_unit'] }),
      },
      'confirm',
    ],
    [
      'overlapping another confirmed shift',
      { nearby: [nearby('2026-12-04T02:00:00Z', 2)] },
      'CLAIM_OVERLAPS',
    ],
    ['back to back is not an overlap', { nearby: [nearby('2026-12-04T03:00:00Z', 2)] }, 'confirm'],
    [
      'too little rest',
      { rules: { ...rules, minRestMinutes: 60 }, nearby: [nearby('2026-12-04T03:30:00Z', 1)] },
      'REST_TOO_SHORT',
    ],
    [
      'enough rest',
      { rules: { ...rules, minRestMinutes: 60 }, nearby: [nearby('2026-12-04T04:00:00Z', 1)] },
      'confirm',
    ],
    [
      'over the daily maximum',
      { rules: { ...rules, maxMinutesPerDay: 240 }, nearby: [nearby('2026-12-04T05:00:00Z', 3)] },
      'DAILY_LIMIT',
    ],
    [
      'the daily maximum counts the local day (Shanghai), not UTC',
      { rules: { ...rules, maxMinutesPerDay: 240 }, nearby: [nearby('2026-12-03T15:00:00Z', 3)] },
      'confirm',
    ],
    [
      'over the weekly maximum',
      { rules: { ...rules, maxMinutesPerWeek: 300 }, nearby: [nearby('2026-12-01T01:00:00Z', 4)] },
      'WEEKLY_LIMIT',
    ],
  ])('%s', (_scenario, change, expected) => {
    const input = { now: NOW, shift: shift(), person: person(), nearby: [], rules, ...change };
    expect(codeOf(() => decideClaim(input))).toBe(expected);
  });

  it('says which shift it overlaps, in local time and with the place', () => {
    try {
      decideClaim({
        now: NOW,
        shift: shift(),
        person: person(),
        nearby: [nearby('2026-12-04T02:00:00Z', 2)],
        rules,
      });
    } catch (error) {
      expect((error as Error).message).toContain('2026-12-04 10:00-12:00 城南列车 · 幸福号 @ 翡翠龙湾小区');
    }
    expect.assertions(1);
  });
});

describe('cancellation and promotion around the cut-off', () => {
  it('volunteers cancel until three hours before the start', () => {
    expect(codeOf(() => assertMayCancel(at('2026-12-03T21:59:00Z'), shift(), rules))).toBe('undefined');
    expect(codeOf(() => assertMayCancel(at('2026-12-03T22:00:00Z'), shift(), rules))).toBe(
      'CANCEL_CUTOFF_PASSED',
    );
  });
  it('the waitlist is promoted only outside the cut-off and never on a cancelled shift', () => {
    expect(mayPromoteWaitlist(NOW, shift(), rules)).toBe(true);
    expect(mayPromoteWaitlist(at('2026-12-03T23:00:00Z'), shift(), rules)).toBe(false);
    expect(mayPromoteWaitlist(NOW, shift({ status: 'cancelled' }), rules)).toBe(false);
  });
});

describe('isoWeek', () => {
  it.each([
    ['2026-12-04T01:00:00Z', 'Asia/Shanghai', '2026-W49'],
    ['2026-12-27T20:00:00Z', 'Asia/Shanghai', '2026-W53'],
    ['2027-01-03T15:59:00Z', 'Asia/Shanghai', '2026-W53'],
    ['2027-01-03T16:00:00Z', 'Asia/Shanghai', '2027-W01'],
    ['2026-01-01T00:00:00Z', 'Asia/Shanghai', '2026-W01'],
  ])('%s in %s is %s', (instant, zone, week) => {
    expect(isoWeek(at(instant), zone)).toBe(week);
  });
});
