// Wall-clock semantics across DST changes (RFC 5545 3.3.5 and issue #3): expand in local time; a local
// time in a gap moves forward by the gap (flag dst_gap_shifted); an ambiguous local time takes the earlier
// offset (flag dst_ambiguous_earlier); UNTIL in UTC compares as an instant. 2026 changes:
//   America/New_York  gap 2026-03-08 02:00-03:00 (EST -05 to EDT -04), overlap 2026-11-01 01:00-02:00
//   Europe/Berlin     gap 2026-03-29 02:00-03:00 (CET +01 to CEST +02), overlap 2026-10-25 02:00-03:00
//   Australia/Sydney  gap 2026-10-04 02:00-03:00 (AEST +10 to AEDT +11), overlap 2026-04-05 02:00-03:00
import { expandSeries } from './expand-series';
import type { Occurrence } from './occurrence';
import { expandRule, instant, localWithOffset, utc, zonedInstant } from '../testing/expansion-helpers';
import { formatLocal, formatOffset } from '../time/local-date-time';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

/** Local time with offset, instant, and flags: everything the DST policy decides. */
const described = (o: Occurrence) => ({ at: localWithOffset(o), utc: utc(o), flags: o.flags });

interface DailyCase {
  zone: string;
  rrule: string;
  dtstart: string;
  expected: { at: string; utc: string; flags: string[] }[];
}

const gapCases: DailyCase[] = [
  {
    zone: 'America/New_York',
    rrule: 'FREQ=DAILY;COUNT=5',
    dtstart: '2026-03-06T02:30:00',
    expected: [
      { at: '2026-03-06T02:30:00-05:00', utc: '2026-03-06T07:30:00Z', flags: [] },
      { at: '2026-03-07T02:30:00-05:00', utc: '2026-03-07T07:30:00Z', flags: [] },
      { at: '2026-03-08T03:30:00-04:00', utc: '2026-03-08T07:30:00Z', flags: ['dst_gap_shifted'] },
      { at: '2026-03-09T02:30:00-04:00', utc: '2026-03-09T06:30:00Z', flags: [] },
      { at: '2026-03-10T02:30:00-04:00', utc: '2026-03-10T06:30:00Z', flags: [] },
    ],
  },
  {
    zone: 'Europe/Berlin',
    rrule: 'FREQ=DAILY;COUNT=5',
    dtstart: '2026-03-27T02:30:00',
    expected: [
      { at: '2026-03-27T02:30:00+01:00', utc: '2026-03-27T01:30:00Z', flags: [] },
      { at: '2026-03-28T02:30:00+01:00', utc: '2026-03-28T01:30:00Z', flags: [] },
      { at: '2026-03-29T03:30:00+02:00', utc: '2026-03-29T01:30:00Z', flags: ['dst_gap_shifted'] },
      { at: '2026-03-30T02:30:00+02:00', utc: '2026-03-30T00:30:00Z', flags: [] },
      { at: '2026-03-31T02:30:00+02:00', utc: '2026-03-31T00:30:00Z', flags: [] },
    ],
  },
  {
    zone: 'Australia/Sydney',
    rrule: 'FREQ=DAILY;COUNT=5',
    dtstart: '2026-10-02T02:30:00',
    expected: [
      { at: '2026-10-02T02:30:00+10:00', utc: '2026-10-01T16:30:00Z', flags: [] },
      { at: '2026-10-03T02:30:00+10:00', utc: '2026-10-02T16:30:00Z', flags: [] },
      { at: '2026-10-04T03:30:00+11:00', utc: '2026-10-03T16:30:00Z', flags: ['dst_gap_shifted'] },
      { at: '2026-10-05T02:30:00+11:00', utc: '2026-10-04T15:30:00Z', flags: [] },
      { at: '2026-10-06T02:30:00+11:00', utc: '2026-10-05T15:30:00Z', flags: [] },
    ],
  },
];

const overlapCases: DailyCase[] = [
  {
    zone: 'America/New_York',
    rrule: 'FREQ=DAILY;COUNT=5',
    dtstart: '2026-10-30T01:30:00',
    expected: [
      { at: '2026-10-30T01:30:00-04:00', utc: '2026-10-30T05:30:00Z', flags: [] },
      { at: '2026-10-31T01:30:00-04:00', utc: '2026-10-31T05:30:00Z', flags: [] },
      { at: '2026-11-01T01:30:00-04:00', utc: '2026-11-01T05:30:00Z', flags: ['dst_ambiguous_earlier'] },
      { at: '2026-11-02T01:30:00-05:00', utc: '2026-11-02T06:30:00Z', flags: [] },
      { at: '2026-11-03T01:30:00-05:00', utc: '2026-11-03T06:30:00Z', flags: [] },
    ],
  },
  {
    zone: 'Europe/Berlin',
    rrule: 'FREQ=DAILY;COUNT=5',
    dtstart: '2026-10-23T02:30:00',
    expected: [
      { at: '2026-10-23T02:30:00+02:00', utc: '2026-10-23T00:30:00Z', flags: [] },
      { at: '2026-10-24T02:30:00+02:00', utc: '2026-10-24T00:30:00Z', flags: [] },
      { at: '2026-10-25T02:30:00+02:00', utc: '2026-10-25T00:30:00Z', flags: ['dst_ambiguous_earlier'] },
      { at: '2026-10-26T02:30:00+01:00', utc: '2026-10-26T01:30:00Z', flags: [] },
      { at: '2026-10-27T02:30:00+01:00', utc: '2026-10-27T01:30:00Z', flags: [] },
    ],
  },
  {
    zone: 'Australia/Sydney',
    rrule: 'FREQ=DAILY;COUNT=5',
    dtstart: '2026-04-03T02:30:00',
    expected: [
      { at: '2026-04-03T02:30:00+11:00', utc: '2026-04-02T15:30:00Z', flags: [] },
      { at: '2026-04-04T02:30:00+11:00', utc: '2026-04-03T15:30:00Z', flags: [] },
      { at: '2026-04-05T02:30:00+11:00', utc: '2026-04-04T15:30:00Z', flags: ['dst_ambiguous_earlier'] },
      { at: '2026-04-06T02:30:00+10:00', utc: '2026-04-05T16:30:00Z', flags: [] },
      { at: '2026-04-07T02:30:00+10:00', utc: '2026-04-06T16:30:00Z', flags: [] },
    ],
  },
];

const aWeekAfterLast = (c: DailyCase) => ({ to: new Date(instant(c.expected[4]!.utc) + WEEK).toISOString() });

describe('a daily 02:30 rule across the spring-forward day: that day moves forward by the gap', () => {
  it.each(gapCases)('$zone', (c) => {
    const occurrences = expandRule(c.rrule, c.dtstart, c.zone, aWeekAfterLast(c));

    expect(occurrences.map(described)).toEqual(c.expected);
  });
});

describe('a daily ambiguous-time rule across the fall-back day: the earlier offset, once', () => {
  it.each(overlapCases)('$zone', (c) => {
    const occurrences = expandRule(c.rrule, c.dtstart, c.zone, aWeekAfterLast(c));

    expect(occurrences.map(described)).toEqual(c.expected);
  });
});

interface WeeklyCase {
  zone: string;
  change: string;
  dtstart: string;
  /** Local with offset, and the instant, of the three weekly 09:00 occurrences. */
  expected: [string, string][];
  /** Instant gap between the first and second occurrence minus a week (the DST shift). */
  shift: number;
}

const weeklyCases: WeeklyCase[] = [
  {
    zone: 'America/New_York',
    change: 'spring forward',
    dtstart: '2026-03-01T09:00:00',
    expected: [
      ['2026-03-01T09:00:00-05:00', '2026-03-01T14:00:00Z'],
      ['2026-03-08T09:00:00-04:00', '2026-03-08T13:00:00Z'],
      ['2026-03-15T09:00:00-04:00', '2026-03-15T13:00:00Z'],
    ],
    shift: -HOUR,
  },
  {
    zone: 'America/New_York',
    change: 'fall back',
    dtstart: '2026-10-25T09:00:00',
    expected: [
      ['2026-10-25T09:00:00-04:00', '2026-10-25T13:00:00Z'],
      ['2026-11-01T09:00:00-05:00', '2026-11-01T14:00:00Z'],
      ['2026-11-08T09:00:00-05:00', '2026-11-08T14:00:00Z'],
    ],
    shift: HOUR,
  },
  {
    zone: 'Europe/Berlin',
    change: 'spring forward',
    dtstart: '2026-03-22T09:00:00',
    expected: [
      ['2026-03-22T09:00:00+01:00', '2026-03-22T08:00:00Z'],
      ['2026-03-29T09:00:00+02:00', '2026-03-29T07:00:00Z'],
      ['2026-04-05T09:00:00+02:00', '2026-04-05T07:00:00Z'],
    ],
    shift: -HOUR,
  },
  {
    zone: 'Europe/Berlin',
    change: 'fall back',
    dtstart: '2026-10-18T09:00:00',
    expected: [
      ['2026-10-18T09:00:00+02:00', '2026-10-18T07:00:00Z'],
      ['2026-10-25T09:00:00+01:00', '2026-10-25T08:00:00Z'],
      ['2026-11-01T09:00:00+01:00', '2026-11-01T08:00:00Z'],
    ],
    shift: HOUR,
  },
  {
    zone: 'Australia/Sydney',
    change: 'spring forward',
    dtstart: '2026-09-27T09:00:00',
    expected: [
      ['2026-09-27T09:00:00+10:00', '2026-09-26T23:00:00Z'],
      ['2026-10-04T09:00:00+11:00', '2026-10-03T22:00:00Z'],
      ['2026-10-11T09:00:00+11:00', '2026-10-10T22:00:00Z'],
    ],
    shift: -HOUR,
  },
  {
    zone: 'Australia/Sydney',
    change: 'fall back',
    dtstart: '2026-03-29T09:00:00',
    expected: [
      ['2026-03-29T09:00:00+11:00', '2026-03-28T22:00:00Z'],
      ['2026-04-05T09:00:00+10:00', '2026-04-04T23:00:00Z'],
      ['2026-04-12T09:00:00+10:00', '2026-04-11T23:00:00Z'],
    ],
    shift: HOUR,
  },
];

describe('a weekly 09:00 rule keeps 09:00 local across a change; the instant moves by an hour', () => {
  it.each(weeklyCases)('$zone, $change', ({ zone, dtstart, expected, shift }) => {
    const occurrences = expandRule('FREQ=WEEKLY;COUNT=3', dtstart, zone, { to: '2027-01-01T00:00:00Z' });

    expect(occurrences.map((o) => [localWithOffset(o), utc(o)])).toEqual(expected);
    expect(occurrences.map((o) => o.flags)).toEqual([[], [], []]);
    expect(occurrences[1]!.startInstant - occurrences[0]!.startInstant).toBe(WEEK + shift);
    expect(occurrences[2]!.startInstant - occurrences[1]!.startInstant).toBe(WEEK);
  });
});

interface UntilCase {
  name: string;
  zone: string;
  dtstart: string;
  until: string;
  expected: string[];
}

// The last weekly occurrence of each rule is the first one after the change; UNTIL is its instant, or a
// second before it. Compared as wall-clock fields (rrule.js with a tzid) several of these would flip.
const untilCases: UntilCase[] = [
  {
    name: 'UNTIL equal to the instant of the occurrence after fall-back includes it',
    zone: 'America/New_York',
    dtstart: '2026-10-18T09:00:00',
    until: '20261101T140000Z',
    expected: ['2026-10-18T09:00:00-04:00', '2026-10-25T09:00:00-04:00', '2026-11-01T09:00:00-05:00'],
  },
  {
    name: 'UNTIL one second before that instant excludes it',
    zone: 'America/New_York',
    dtstart: '2026-10-18T09:00:00',
    until: '20261101T135959Z',
    expected: ['2026-10-18T09:00:00-04:00', '2026-10-25T09:00:00-04:00'],
  },
  {
    name: 'UNTIL with the wall-clock fields of the occurrence (09:00Z) is 5 hours earlier: excluded',
    zone: 'America/New_York',
    dtstart: '2026-10-18T09:00:00',
    until: '20261101T090000Z',
    expected: ['2026-10-18T09:00:00-04:00', '2026-10-25T09:00:00-04:00'],
  },
  {
    name: 'UNTIL equal to the instant of the occurrence after spring-forward includes it',
    zone: 'America/New_York',
    dtstart: '2026-03-01T09:00:00',
    until: '20260308T130000Z',
    expected: ['2026-03-01T09:00:00-05:00', '2026-03-08T09:00:00-04:00'],
  },
  {
    name: 'UNTIL equal to the instant of the occurrence after fall-back includes it',
    zone: 'Europe/Berlin',
    dtstart: '2026-10-18T09:00:00',
    until: '20261025T080000Z',
    expected: ['2026-10-18T09:00:00+02:00', '2026-10-25T09:00:00+01:00'],
  },
  {
    name: 'UNTIL one second before that instant excludes it',
    zone: 'Europe/Berlin',
    dtstart: '2026-10-18T09:00:00',
    until: '20261025T075959Z',
    expected: ['2026-10-18T09:00:00+02:00'],
  },
  {
    name: 'UNTIL equal to the instant of the occurrence after spring-forward includes it',
    zone: 'Australia/Sydney',
    dtstart: '2026-09-27T09:00:00',
    until: '20261003T220000Z',
    expected: ['2026-09-27T09:00:00+10:00', '2026-10-04T09:00:00+11:00'],
  },
  {
    name: 'UNTIL one second before that instant excludes it',
    zone: 'Australia/Sydney',
    dtstart: '2026-09-27T09:00:00',
    until: '20261003T215959Z',
    expected: ['2026-09-27T09:00:00+10:00'],
  },
  {
    name: 'UNTIL equal to the instant of an occurrence includes it (no DST)',
    zone: 'Asia/Shanghai',
    dtstart: '2026-10-04T09:00:00',
    until: '20261018T010000Z',
    expected: ['2026-10-04T09:00:00+08:00', '2026-10-11T09:00:00+08:00', '2026-10-18T09:00:00+08:00'],
  },
  {
    name: 'UNTIL one second before excludes it (no DST)',
    zone: 'Asia/Shanghai',
    dtstart: '2026-10-04T09:00:00',
    until: '20261018T005959Z',
    expected: ['2026-10-04T09:00:00+08:00', '2026-10-11T09:00:00+08:00'],
  },
];

describe('UNTIL in UTC compares as an instant', () => {
  it.each(untilCases)('$zone: $name', ({ zone, dtstart, until, expected }) => {
    const occurrences = expandRule(`FREQ=WEEKLY;UNTIL=${until}`, dtstart, zone, {
      to: '2027-01-01T00:00:00Z',
    });

    expect(occurrences.map(localWithOffset)).toEqual(expected);
  });

  it('America/New_York: daily 01:30 with UNTIL at the later 01:30 (EST) keeps the earlier one', () => {
    // 2026-11-01T06:30Z is 01:30 EST; the occurrence that day is 01:30 EDT (05:30Z), before UNTIL.
    const occurrences = expandRule(
      'FREQ=DAILY;UNTIL=20261101T063000Z',
      '2026-10-31T01:30:00',
      'America/New_York',
      {
        to: '2026-11-05T00:00:00Z',
      },
    );

    expect(occurrences.map(described)).toEqual([
      { at: '2026-10-31T01:30:00-04:00', utc: '2026-10-31T05:30:00Z', flags: [] },
      { at: '2026-11-01T01:30:00-04:00', utc: '2026-11-01T05:30:00Z', flags: ['dst_ambiguous_earlier'] },
    ]);
  });
});

describe('DTSTART itself in a gap or an overlap', () => {
  it.each([
    ['America/New_York', '2026-03-08T02:30:00', '2026-03-08T03:30:00-04:00', 'dst_gap_shifted'],
    ['Europe/Berlin', '2026-03-29T02:30:00', '2026-03-29T03:30:00+02:00', 'dst_gap_shifted'],
    ['Australia/Sydney', '2026-10-04T02:30:00', '2026-10-04T03:30:00+11:00', 'dst_gap_shifted'],
    ['America/New_York', '2026-11-01T01:30:00', '2026-11-01T01:30:00-04:00', 'dst_ambiguous_earlier'],
    ['Europe/Berlin', '2026-10-25T02:30:00', '2026-10-25T02:30:00+02:00', 'dst_ambiguous_earlier'],
    ['Australia/Sydney', '2026-04-05T02:30:00', '2026-04-05T02:30:00+11:00', 'dst_ambiguous_earlier'],
  ])('%s %s resolves to %s (%s)', (zone, dtstart, expected, flag) => {
    const [first] = expandRule('FREQ=YEARLY;COUNT=1', dtstart, zone, { to: '2027-01-01T00:00:00Z' });

    expect(localWithOffset(first!)).toBe(expected);
    expect(first!.startInstant).toBe(zonedInstant(dtstart, zone));
    expect(first!.flags).toEqual([flag]);
  });
});

describe('sub-daily rules expand in local time', () => {
  it('America/New_York: hourly from midnight on the fall-back day, 01:00 once (EDT), then 02:00 EST', () => {
    const occurrences = expandRule('FREQ=HOURLY;COUNT=4', '2026-11-01T00:00:00', 'America/New_York', {
      to: '2026-11-02T00:00:00Z',
    });

    expect(occurrences.map(described)).toEqual([
      { at: '2026-11-01T00:00:00-04:00', utc: '2026-11-01T04:00:00Z', flags: [] },
      { at: '2026-11-01T01:00:00-04:00', utc: '2026-11-01T05:00:00Z', flags: ['dst_ambiguous_earlier'] },
      { at: '2026-11-01T02:00:00-05:00', utc: '2026-11-01T07:00:00Z', flags: [] },
      { at: '2026-11-01T03:00:00-05:00', utc: '2026-11-01T08:00:00Z', flags: [] },
    ]);
  });
});

describe('durations across a change: hours are exact, days are nominal (local)', () => {
  it('America/New_York: PT2H from 00:30 EDT on the fall-back day ends at 01:30 EST', () => {
    const { occurrences } = expandSeries(
      {
        rrule: 'FREQ=DAILY;COUNT=1',
        dtstart: '2026-11-01T00:30:00',
        timeZone: 'America/New_York',
        duration: 'PT2H',
      },
      { from: instant('2026-10-31T00:00:00Z'), to: instant('2026-11-03T00:00:00Z') },
    );
    const [o] = occurrences;

    expect(o!.endInstant - o!.startInstant).toBe(2 * HOUR);
    expect(formatLocal(o!.end) + formatOffset(o!.endOffset)).toBe('2026-11-01T01:30:00-05:00');
  });

  it('Europe/Berlin: P1D from 09:00 the day before spring-forward ends at 09:00 next day (23 h)', () => {
    const { occurrences } = expandSeries(
      {
        rrule: 'FREQ=DAILY;COUNT=1',
        dtstart: '2026-03-28T09:00:00',
        timeZone: 'Europe/Berlin',
        duration: 'P1D',
      },
      { from: instant('2026-03-27T00:00:00Z'), to: instant('2026-03-30T00:00:00Z') },
    );
    const [o] = occurrences;

    expect(formatLocal(o!.end) + formatOffset(o!.endOffset)).toBe('2026-03-29T09:00:00+02:00');
    expect(o!.endInstant - o!.startInstant).toBe(23 * HOUR);
  });
});
