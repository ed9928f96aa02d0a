import { expandSeries } from './expand-series';
import { RecurrenceError } from '../errors';
import { expandBetween } from '../testing/expand-helpers';

const series = { rrule: 'FREQ=DAILY', dtstart: '2026-01-01T09:00:00', timeZone: 'Asia/Shanghai' };
const codeOf = (work: () => unknown): string | undefined => {
  try {
    work();
    return undefined;
  } catch (error) {
    return error instanceof RecurrenceError ? `${error.code}:${error.part}` : String(error);
  }
};

describe('limits: bounded windows, counts and work', () => {
  it('an unbounded rule is fine: it is only expanded within the window', () => {
    const result = expandBetween(series, '2030-01-01T00:00:00Z', '2030-01-11T00:00:00Z');
    expect(result.occurrences).toHaveLength(10);
    expect(result.truncated).toBe(false);
  });

  it('cuts at the limit and says so', () => {
    const result = expandBetween(series, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', undefined, 100);
    expect(result.occurrences).toHaveLength(100);
    expect(result.truncated).toBe(true);
  });

  it.each([
    [
      'a window over 10 years',
      { from: Date.parse('2026-01-01T00:00:00Z'), to: Date.parse('2036-06-01T00:00:00Z') },
      'RECURRENCE_LIMIT:to',
    ],
    [
      'a window that ends before it starts',
      { from: Date.parse('2026-02-01T00:00:00Z'), to: Date.parse('2026-01-01T00:00:00Z') },
      'RECURRENCE_LIMIT:to',
    ],
    [
      'a limit over 5000',
      { from: 0, to: Date.parse('1971-01-01T00:00:00Z'), limit: 5001 },
      'RECURRENCE_LIMIT:limit',
    ],
  ])('refuses %s', (_name, window, expected) => {
    expect(codeOf(() => expandSeries(series, window))).toBe(expected);
  });

  it('fails fast on a rule that would need millions of steps (every second of a year)', () => {
    const secondly = { ...series, rrule: 'FREQ=SECONDLY;BYSECOND=0' };
    expect(codeOf(() => expandBetween(secondly, '2030-01-01T00:00:00Z', '2031-01-01T00:00:00Z'))).toBe(
      'RECURRENCE_LIMIT:FREQ',
    );
  });

  it('fails, rather than hangs, when a sub-daily rule can never reach its filter (even hours, odd BYHOUR)', () => {
    const never = { ...series, rrule: 'FREQ=MINUTELY;INTERVAL=2;BYMINUTE=1', dtstart: '2026-01-01T09:00:00' };
    expect(codeOf(() => expandBetween(never, '2026-01-01T00:00:00Z', '2036-01-01T00:00:00Z'))).toBe(
      'RECURRENCE_LIMIT:FREQ',
    );
  });

  it('a sub-daily rule restricted to a few days skips the other days cheaply', () => {
    const fewDays = {
      ...series,
      rrule: 'FREQ=MINUTELY;INTERVAL=30;BYMONTH=2;BYMONTHDAY=29',
      dtstart: '2026-01-01T00:00:00',
    };
    expect(expandBetween(fewDays, '2026-01-01T00:00:00Z', '2035-12-01T00:00:00Z').occurrences).toHaveLength(
      2 * 48,
    );
  });

  it('a rule that can never happen (30 February) answers nothing, without running to year 9999', () => {
    const never = { ...series, rrule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', dtstart: '2026-02-28T09:00:00' };
    expect(expandBetween(never, '2026-01-01T00:00:00Z', '2035-12-01T00:00:00Z').occurrences).toEqual([]);
  });

  it('HOURLY rules with restrictive filters stay bounded by the window', () => {
    const hourly = { ...series, rrule: 'FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30' };
    expect(expandBetween(hourly, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z').occurrences).toEqual([]);
  });

  it.each([
    [
      'rdates',
      {
        rdates: Array.from({ length: 1001 }, (_, i) => `2026-01-01T${String(i % 24).padStart(2, '0')}:00:00`),
      },
    ],
    ['exdates', { exdates: Array.from({ length: 1001 }, () => '2026-01-02') }],
  ])('bounds the %s list', (name, extra) => {
    expect(
      codeOf(() => expandBetween({ ...series, ...extra }, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z')),
    ).toBe(`RECURRENCE_LIMIT:${name}`);
  });

  it.each([
    ['a bad zone', { timeZone: 'Mars/Olympus' }, 'TIME_ZONE_INVALID:timeZone'],
    ['an offset instead of a zone', { timeZone: '+08:00' }, 'TIME_ZONE_INVALID:timeZone'],
    ['a DTSTART with an offset', { dtstart: '2026-01-01T09:00:00+08:00' }, 'RRULE_INVALID:dtstart'],
    ['a DTSTART on 30 February', { dtstart: '2026-02-30T09:00:00' }, 'RRULE_INVALID:dtstart'],
    ['a bad duration', { duration: 'P1H' }, 'RRULE_INVALID:duration'],
    ['a bad RRULE part', { rrule: 'FREQ=DAILY;BYMONTHDAY=32' }, 'RRULE_INVALID:BYMONTHDAY'],
  ])('refuses %s with a coded error naming the part', (_name, change, expected) => {
    expect(
      codeOf(() => expandBetween({ ...series, ...change }, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z')),
    ).toBe(expected);
  });
});

describe('caps on rule parts', () => {
  it.each([
    ['INTERVAL', 'FREQ=DAILY;INTERVAL=1000001'],
    ['COUNT', 'FREQ=DAILY;COUNT=100001'],
  ])('a well-formed %s over its cap is a limit (422), not a malformed rule', (part, rrule) => {
    expect(
      codeOf(() => expandBetween({ ...series, rrule }, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z')),
    ).toBe(`RECURRENCE_LIMIT:${part}`);
  });

  it('an hourly rule on a spring-forward day gives each instant once', () => {
    const hourly = { rrule: 'FREQ=HOURLY', dtstart: '2026-03-08T00:00:00', timeZone: 'America/New_York' };
    const result = expandBetween(hourly, '2026-03-08T05:00:00Z', '2026-03-08T09:00:00Z');
    const instants = result.occurrences.map((o) => o.startInstant);
    expect(new Set(instants).size).toBe(instants.length);
    expect(result.occurrences.map((o) => new Date(o.startInstant).toISOString())).toEqual([
      '2026-03-08T05:00:00.000Z',
      '2026-03-08T06:00:00.000Z',
      '2026-03-08T07:00:00.000Z',
      '2026-03-08T08:00:00.000Z',
    ]);
  });
});
