import { endOfQuietPeriod, planReminders, type ReminderPlanInput } from './reminder-plan';

const SHANGHAI = 'Asia/Shanghai';
const NIGHT = { start: '22:00', end: '07:00' };

function plan(overrides: Partial<ReminderPlanInput>) {
  return planReminders({
    shiftStart: new Date('2026-12-10T01:00:00Z'), // 09:00 in Shanghai
    offsetsMinutes: [1440, 120],
    quiet: NIGHT,
    timeZone: SHANGHAI,
    now: new Date('2026-12-01T00:00:00Z'),
    ...overrides,
  }).map((r) => ({ offset: r.offsetMinutes, due: r.dueAt.toISOString(), moved: r.movedOutOfQuiet }));
}

describe('planReminders', () => {
  it.each([
    {
      scenario: 'a 09:00 shift: 24 h and 2 h before, both outside quiet hours',
      input: {},
      expected: [
        { offset: 1440, due: '2026-12-09T01:00:00.000Z', moved: false },
        { offset: 120, due: '2026-12-09T23:00:00.000Z', moved: false },
      ],
    },
    {
      scenario: 'a 08:00 shift: the 2 h reminder (06:00) moves to 07:00',
      input: { shiftStart: new Date('2026-12-10T00:00:00Z') },
      expected: [
        { offset: 1440, due: '2026-12-09T00:00:00.000Z', moved: false },
        { offset: 120, due: '2026-12-09T23:00:00.000Z', moved: true },
      ],
    },
    {
      scenario: 'a reminder due at 23:00 local moves to 07:00 the next morning',
      input: { shiftStart: new Date('2026-12-10T03:00:00Z'), offsetsMinutes: [720] }, // 11:00 local, 12 h before = 23:00
      expected: [{ offset: 720, due: '2026-12-09T23:00:00.000Z', moved: true }],
    },
    {
      scenario:
        'a 06:30 shift: 24 h before moves to 07:00 the day before; 2 h before (04:30) would move past the start: dropped',
      input: { shiftStart: new Date('2026-12-09T22:30:00Z') },
      expected: [{ offset: 1440, due: '2026-12-08T23:00:00.000Z', moved: true }],
    },
    {
      scenario: 'a claim made 3 h before: the 24 h reminder is in the past and dropped',
      input: { now: new Date('2026-12-09T22:00:00Z') },
      expected: [{ offset: 120, due: '2026-12-09T23:00:00.000Z', moved: false }],
    },
    {
      scenario: 'two offsets moved to the same morning: one reminder, the nearer offset',
      input: { shiftStart: new Date('2026-12-10T02:00:00Z'), offsetsMinutes: [300, 240] }, // 10:00; 05:00 and 06:00
      expected: [{ offset: 240, due: '2026-12-09T23:00:00.000Z', moved: true }],
    },
    {
      scenario: 'no quiet hours when start equals end',
      input: { shiftStart: new Date('2026-12-10T00:00:00Z'), quiet: { start: '00:00', end: '00:00' } },
      expected: [
        { offset: 1440, due: '2026-12-09T00:00:00.000Z', moved: false },
        { offset: 120, due: '2026-12-09T22:00:00.000Z', moved: false },
      ],
    },
    {
      scenario: 'a quiet period within one day (13:00–14:00, a nap)',
      input: {
        shiftStart: new Date('2026-12-10T07:30:00Z'), // 15:30 local
        offsetsMinutes: [120],
        quiet: { start: '13:00', end: '14:00' },
      },
      expected: [{ offset: 120, due: '2026-12-10T06:00:00.000Z', moved: true }],
    },
    {
      scenario: 'New York, spring forward: 24 h before is a day of 23 hours on the wall clock',
      input: {
        timeZone: 'America/New_York',
        shiftStart: new Date('2026-03-08T14:00:00Z'), // 10:00 EDT
        now: new Date('2026-03-01T00:00:00Z'),
      },
      expected: [
        { offset: 1440, due: '2026-03-07T14:00:00.000Z', moved: false }, // 09:00 EST
        { offset: 120, due: '2026-03-08T12:00:00.000Z', moved: false }, // 08:00 EDT
      ],
    },
    {
      scenario: 'New York, spring forward: quiet hours end at 07:00 EDT (11:00Z), not 07:00 EST',
      input: {
        timeZone: 'America/New_York',
        shiftStart: new Date('2026-03-08T13:30:00Z'), // 09:30 EDT; 2 h before = 07:30, 3 h = 06:30 quiet
        offsetsMinutes: [180],
        now: new Date('2026-03-01T00:00:00Z'),
      },
      expected: [{ offset: 180, due: '2026-03-08T11:00:00.000Z', moved: true }],
    },
    {
      scenario: 'New York, fall back: 22:30 EDT moves to 07:00 EST the next morning',
      input: {
        timeZone: 'America/New_York',
        shiftStart: new Date('2026-11-01T15:30:00Z'), // 10:30 EST; 12 h before = 22:30 EDT on Oct 31
        offsetsMinutes: [720],
        now: new Date('2026-10-01T00:00:00Z'),
      },
      expected: [{ offset: 720, due: '2026-11-01T12:00:00.000Z', moved: true }],
    },
  ])('$scenario', ({ input, expected }) => {
    expect(plan(input)).toEqual(expected);
  });
});

describe('endOfQuietPeriod', () => {
  it.each([
    ['22:00 exactly is quiet', '2026-12-09T14:00:00Z', '2026-12-09T23:00:00.000Z'],
    ['06:59 is quiet', '2026-12-09T22:59:00Z', '2026-12-09T23:00:00.000Z'],
    ['07:00 is not', '2026-12-09T23:00:00Z', null],
    ['21:59 is not', '2026-12-09T13:59:00Z', null],
  ])('%s', (_name, at, expected) => {
    expect(endOfQuietPeriod(new Date(at), NIGHT, SHANGHAI)?.toISOString() ?? null).toBe(expected);
  });
});
