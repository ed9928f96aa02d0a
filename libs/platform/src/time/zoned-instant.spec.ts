import { Temporal } from 'temporal-polyfill';
import { instantInput, isTimeZone, timeZoneInput, zonedInstant } from './instant.schema';
import { formatInstant, formatOptionalInstant } from './zoned-instant';

describe('formatInstant: RFC 3339 in a named zone, with its offset', () => {
  it.each([
    ['Chengnan, morning', '2026-12-07T01:00:00Z', 'Asia/Shanghai', '2026-12-07T09:00:00+08:00'],
    [
      'Chengnan, the local day after the UTC day',
      '2026-12-07T16:30:00Z',
      'Asia/Shanghai',
      '2026-12-08T00:30:00+08:00',
    ],
    [
      'milliseconds kept when present',
      '2026-12-07T01:00:00.125Z',
      'Asia/Shanghai',
      '2026-12-07T09:00:00.125+08:00',
    ],
    ['UTC itself', '2026-12-07T01:00:00Z', 'UTC', '2026-12-07T01:00:00+00:00'],
    ['west of Greenwich', '2026-12-07T14:00:00Z', 'America/New_York', '2026-12-07T09:00:00-05:00'],
    ['Berlin in winter', '2026-03-29T00:59:59Z', 'Europe/Berlin', '2026-03-29T01:59:59+01:00'],
    ['Berlin at the spring change', '2026-03-29T01:00:00Z', 'Europe/Berlin', '2026-03-29T03:00:00+02:00'],
    [
      'Berlin, first 02:30 of the autumn change',
      '2026-10-25T00:30:00Z',
      'Europe/Berlin',
      '2026-10-25T02:30:00+02:00',
    ],
    [
      'Berlin, second 02:30 of the autumn change',
      '2026-10-25T01:30:00Z',
      'Europe/Berlin',
      '2026-10-25T02:30:00+01:00',
    ],
    ['half-hour zone', '2026-12-07T01:00:00Z', 'Asia/Kolkata', '2026-12-07T06:30:00+05:30'],
    ['quarter-hour zone', '2026-12-07T01:00:00Z', 'Asia/Kathmandu', '2026-12-07T06:45:00+05:45'],
    [
      'Lord Howe, a half-hour DST',
      '2026-01-15T00:00:00Z',
      'Australia/Lord_Howe',
      '2026-01-15T11:00:00+11:00',
    ],
    [
      'new year in Shanghai, still the old year in UTC',
      '2026-12-31T16:00:00Z',
      'Asia/Shanghai',
      '2027-01-01T00:00:00+08:00',
    ],
  ])('%s', (_scenario, utc, zone, expected) => {
    expect(formatInstant(new Date(utc), zone)).toBe(expected);
  });

  it('rounds a historic offset with seconds to the minute and still names the exact instant', () => {
    // Shanghai's local mean time was +08:05:43 until 1901.
    const instant = new Date('1900-06-01T00:00:00Z');
    const text = formatInstant(instant, 'Asia/Shanghai');
    expect(text).toBe('1900-06-01T08:06:00+08:06');
    expect(new Date(text).getTime()).toBe(instant.getTime());
  });

  it('agrees with Temporal on seeded instants across zones with and without DST', () => {
    const zones = [
      'Asia/Shanghai',
      'Europe/Berlin',
      'America/New_York',
      'Australia/Sydney',
      'America/Sao_Paulo',
    ];
    let seed = 20261207;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 2000; i++) {
      const ms = Date.UTC(1995, 0, 1) + Math.floor((next() * 45 * 365 * 86_400_000) / 1000) * 1000;
      const zone = zones[i % zones.length];
      const expected = Temporal.Instant.fromEpochMilliseconds(ms)
        .toZonedDateTimeISO(zone)
        .toString({ timeZoneName: 'never' });
      expect(formatInstant(new Date(ms), zone)).toBe(expected);
    }
  });

  it('round-trips: the text parses back to the same instant', () => {
    for (const zone of ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York']) {
      const instant = new Date('2026-10-25T01:30:00.007Z');
      expect(new Date(formatInstant(instant, zone)).getTime()).toBe(instant.getTime());
    }
  });

  it('throws for a name that is not a zone (a bug upstream, not a client error)', () => {
    expect(() => formatInstant(new Date(), 'Mars/Olympus_Mons')).toThrow();
  });

  it('writes null for a missing instant', () => {
    expect(formatOptionalInstant(null, 'Asia/Shanghai')).toBeNull();
    expect(formatOptionalInstant(undefined, 'Asia/Shanghai')).toBeNull();
  });
});

describe('instant schemas', () => {
  it('inputs take any RFC 3339 offset, and Z', () => {
    const instants = ['2026-12-07T09:00:00+08:00', '2026-12-07T01:00:00Z', '2026-12-06T20:00:00-05:00'].map(
      (text) => instantInput.parse(text).toISOString(),
    );
    expect(new Set(instants)).toEqual(new Set(['2026-12-07T01:00:00.000Z']));
  });

  it('inputs refuse a wall time without an offset', () => {
    expect(instantInput.safeParse('2026-12-07T09:00:00').success).toBe(false);
  });

  it('the output schema accepts what formatInstant writes', () => {
    expect(
      zonedInstant.safeParse(formatInstant(new Date('2026-12-07T01:00:00.5Z'), 'Asia/Shanghai')).success,
    ).toBe(true);
  });
});

describe('isTimeZone and timeZoneInput', () => {
  it.each([
    ['Asia/Shanghai', true],
    ['UTC', true],
    ['Europe/Berlin', true],
    ['Mars/Olympus_Mons', false],
    ['+08:00', false],
    ['', false],
    ['x'.repeat(65), false],
  ])('%s → %s', (zone, valid) => {
    expect(isTimeZone(zone)).toBe(valid);
    expect(timeZoneInput.safeParse(zone).success).toBe(valid);
  });
});
