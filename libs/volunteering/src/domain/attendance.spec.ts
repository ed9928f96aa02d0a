import { DomainError } from '@linli/platform/domain-error';
import {
  AttendanceShift,
  assertAttendanceRecordable,
  assertCheckInOpen,
  assertCheckOutOpen,
  acceptedCheckInCodes,
  checkInCodeMatches,
  creditedMinutes,
  dailyCheckInCode,
  decideAttendance,
  minutesToHours,
} from './attendance';

// A 09:00-11:00 shift in Shanghai (01:00-03:00 UTC).
const START = new Date('2026-12-04T01:00:00Z');
const END = new Date('2026-12-04T03:00:00Z');
const at = (hhmm: string, day = '04') => new Date(`2026-12-${day}T${hhmm}:00+08:00`);
const shift: AttendanceShift = {
  title: '城南市集 · 理发',
  startsAt: START,
  endsAt: END,
  timeZone: 'Asia/Shanghai',
  status: 'open',
};

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('creditedMinutes', () => {
  it.each([
    ['checked in and out inside the shift', at('09:30'), at('10:30'), false, 60],
    ['arrived early: counted from the start', at('08:15'), at('10:00'), false, 60],
    ['stayed late: counted to the end', at('10:00'), at('12:30'), false, 60],
    ['early and late: the whole shift, no more', at('08:00'), at('12:00'), false, 120],
    ['no check-out: until the end of the shift', at('09:45'), null, false, 75],
    ['no check-in: nothing', null, null, false, 0],
    ['checked out before the start: nothing', at('08:10'), at('08:50'), false, 0],
    ['seconds round to the nearest minute', new Date('2026-12-04T01:00:29Z'), at('10:00'), false, 60],
    ['organiser confirms: the planned time, whatever the record', at('10:30'), at('10:40'), true, 120],
    ['organiser confirms without any check-in: the planned time', null, null, true, 120],
  ])('%s', (_scenario, checkedInAt, checkedOutAt, confirmedByOrganiser, expected) => {
    expect(
      creditedMinutes({ shiftStart: START, shiftEnd: END, checkedInAt, checkedOutAt, confirmedByOrganiser }),
    ).toBe(expected);
  });
});

describe('check-in and check-out windows', () => {
  it.each([
    ['an hour before the start', at('08:00'), undefined],
    ['just before the window opens', at('07:59'), 'CHECKIN_NOT_OPEN'],
    ['during the shift', at('10:00'), undefined],
    ['at the end', at('11:00'), undefined],
    ['after the end', at('11:01'), 'CHECKIN_NOT_OPEN'],
    ['the day before', at('09:00', '03'), 'CHECKIN_NOT_OPEN'],
  ])('check-in %s', (_scenario, now, code) => {
    expect(codeOf(() => assertCheckInOpen(now, shift))).toBe(code);
  });

  it('says when the window is, in the shift’s wall-clock time', () => {
    expect(() => assertCheckInOpen(at('07:00'), shift)).toThrow(/2026-12-04 08:00 至 2026-12-04 11:00/);
  });

  it.each([
    ['during the shift', at('10:00'), undefined],
    ['two hours after the end', at('13:00'), undefined],
    ['later than that', at('13:01'), 'CHECKIN_NOT_OPEN'],
  ])('check-out %s', (_scenario, now, code) => {
    expect(codeOf(() => assertCheckOutOpen(now, shift))).toBe(code);
  });

  it('refuses both on a cancelled shift', () => {
    const cancelled = { ...shift, status: 'cancelled' as const };
    expect(codeOf(() => assertCheckInOpen(at('10:00'), cancelled))).toBe('SHIFT_CANCELLED');
    expect(codeOf(() => assertCheckOutOpen(at('10:00'), cancelled))).toBe('SHIFT_CANCELLED');
  });

  it.each([
    ['before the start', at('08:59'), 'SHIFT_NOT_STARTED'],
    ['at the start', at('09:00'), undefined],
    ['a week later', at('09:00', '11'), undefined],
  ])('attendance is recordable %s', (_scenario, now, code) => {
    expect(codeOf(() => assertAttendanceRecordable(now, shift))).toBe(code);
  });
});

describe('checkInCodeMatches', () => {
  it.each([
    ['the same code', '042917', '042917', true],
    ['one digit off', '042918', '042917', false],
    ['shorter', '04291', '042917', false],
    ['longer', '0429170', '042917', false],
    ['empty', '', '042917', false],
  ])('%s', (_scenario, given, expected, result) => {
    expect(checkInCodeMatches(given, expected)).toBe(result);
  });
});

describe('daily check-in codes', () => {
  const secret = '0123456789abcdef0123456789abcdef';

  it('are six digits, the same all day, different the next day and for another shift', () => {
    expect(dailyCheckInCode(secret, '2026-12-04')).toMatch(/^\d{6}$/);
    expect(dailyCheckInCode(secret, '2026-12-04')).toBe(dailyCheckInCode(secret, '2026-12-04'));
    expect(dailyCheckInCode(secret, '2026-12-05')).not.toBe(dailyCheckInCode(secret, '2026-12-04'));
    expect(dailyCheckInCode(`${secret}0`, '2026-12-04')).not.toBe(dailyCheckInCode(secret, '2026-12-04'));
  });

  it.each([
    ['a day shift: today’s only', shift, at('09:30'), ['2026-12-04']],
    [
      'an overnight shift after midnight: today’s and the day the window opened',
      { ...shift, startsAt: at('22:00', '04'), endsAt: at('02:00', '05') },
      at('01:00', '05'),
      ['2026-12-05', '2026-12-04'],
    ],
  ])('%s', (_name, s, now, dates) => {
    expect(acceptedCheckInCodes(secret, now, s)).toEqual(dates.map((d) => dailyCheckInCode(secret, d)));
  });
});

describe('decideAttendance', () => {
  const base = { shiftStart: START, shiftEnd: END, checkedInAt: null, checkedOutAt: null };

  it.each([
    [
      'attended, planned time',
      'confirmed',
      'attended',
      true,
      {},
      { status: 'completed', creditedMinutes: 120 },
    ],
    [
      'attended, checked-in time',
      'confirmed',
      'attended',
      false,
      { checkedInAt: at('09:30'), checkedOutAt: at('10:15') },
      { status: 'completed', creditedMinutes: 45 },
    ],
    ['no-show', 'confirmed', 'no_show', true, {}, { status: 'no_show', creditedMinutes: 0 }],
    [
      'correcting a mistaken no-show',
      'no_show',
      'attended',
      true,
      {},
      { status: 'completed', creditedMinutes: 120 },
    ],
    [
      'correcting a completion to no-show',
      'completed',
      'no_show',
      true,
      { checkedInAt: at('09:00') },
      { status: 'no_show', creditedMinutes: 0 },
    ],
  ] as const)('%s', (_scenario, status, outcome, creditPlannedTime, times, expected) => {
    expect(decideAttendance({ ...base, ...times, status, outcome, creditPlannedTime })).toEqual(expected);
  });

  it.each([
    ['a waitlisted claim', 'waitlisted', 'attended', true, 'CLAIM_NOT_ACTIVE'],
    ['a cancelled claim', 'cancelled', 'no_show', true, 'CLAIM_NOT_ACTIVE'],
    ['the checked-in time without a check-in', 'confirmed', 'attended', false, 'NOT_CHECKED_IN'],
  ] as const)('refuses %s', (_scenario, status, outcome, creditPlannedTime, code) => {
    expect(codeOf(() => decideAttendance({ ...base, status, outcome, creditPlannedTime }))).toBe(code);
  });
});

describe('minutesToHours', () => {
  it.each([
    [0, 0],
    [60, 1],
    [90, 1.5],
    [100, 1.67],
    [125, 2.08],
    [-30, -0.5],
    [1, 0.02],
  ])('%i minutes are %d hours', (minutes, hours) => {
    expect(minutesToHours(minutes)).toBe(hours);
  });
});
