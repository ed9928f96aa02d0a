// ZoneRules against Temporal: for many wall times, the resolved instant is what RFC 5545 asks for, which is
// Temporal's `disambiguation: 'compatible'` (a gap moves forward by the gap, an overlap takes the earlier
// offset). Random times come from a seeded generator, so every run checks the same times.
import { Temporal } from 'temporal-polyfill';
import { RecurrenceError } from '../errors';
import { formatLocal } from './local-date-time';
import { ZoneRules } from './zone-rules';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** mulberry32: a small deterministic PRNG. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What RFC 5545 says a wall time means in a zone, according to Temporal. */
function expected(localMs: number, zone: string) {
  const wall = Temporal.PlainDateTime.from(formatLocal(localMs));
  const zoned = wall.toZonedDateTime(zone, { disambiguation: 'compatible' });
  const later = wall.toZonedDateTime(zone, { disambiguation: 'later' });
  const offset = zoned.offsetNanoseconds / 1e6;
  return {
    instant: zoned.epochMilliseconds,
    offset,
    // Only a wall time in a gap comes back as a different wall time.
    shifted: zoned.epochMilliseconds + offset !== localMs,
    // A wall time in an overlap has two instants.
    ambiguous:
      zoned.epochMilliseconds + offset === localMs && later.epochMilliseconds !== zoned.epochMilliseconds,
  };
}

const resolved = (localMs: number, zone: string) => {
  const { instant, offset, shifted, ambiguous } = ZoneRules.for(zone).resolve(localMs);
  return { instant, offset, shifted, ambiguous };
};

const differs = (got: ReturnType<typeof resolved>, want: ReturnType<typeof expected>) =>
  got.instant !== want.instant ||
  got.offset !== want.offset ||
  got.shifted !== want.shifted ||
  got.ambiguous !== want.ambiguous;

/** Wall times every 15 minutes from 3 hours before to 3 hours after each transition of the years. */
function aroundTransitions(zone: string, fromYear: number, toYear: number): number[] {
  const times: number[] = [];
  let zoned = Temporal.Instant.fromEpochMilliseconds(Date.UTC(fromYear, 0, 1)).toZonedDateTimeISO(zone);
  const end = Date.UTC(toYear + 1, 0, 1);
  for (;;) {
    const next = zoned.getTimeZoneTransition('next');
    if (!next || next.epochMilliseconds >= end) break;
    // The transition's wall time, read with the offset before it and with the offset after it.
    const before = next.epochMilliseconds + zoned.offsetNanoseconds / 1e6;
    const after = next.epochMilliseconds + next.offsetNanoseconds / 1e6;
    for (const base of [before, after]) {
      for (let delta = -3 * HOUR; delta <= 3 * HOUR; delta += 15 * MINUTE) times.push(base + delta);
    }
    zoned = next;
  }
  return times;
}

function randomWallTimes(seed: number, count: number, fromYear: number, toYear: number): number[] {
  const random = seeded(seed);
  const from = Date.UTC(fromYear, 0, 1);
  const to = Date.UTC(toYear + 1, 0, 1);
  return Array.from({ length: count }, () => from + Math.floor((random() * (to - from)) / MINUTE) * MINUTE);
}

const DST_ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney'];
// Other shapes of change: half-hour DST (Lord Howe), midnight changes and abolished DST (Sao Paulo),
// a zone with DST until 1991 and none since (Shanghai), and no change at all (UTC).
const OTHER_ZONES = ['Australia/Lord_Howe', 'America/Sao_Paulo', 'Europe/London', 'Asia/Shanghai', 'UTC'];

describe('ZoneRules.resolve agrees with Temporal (compatible) for random wall times', () => {
  it.each([...DST_ZONES, ...OTHER_ZONES].map((zone, i) => [zone, 1000 + i]))('%s (seed %d)', (zone, seed) => {
    const times = randomWallTimes(seed as number, 2000, 1970, 2100);

    const mismatches = times
      .map((localMs) => ({
        local: formatLocal(localMs),
        got: resolved(localMs, zone as string),
        want: expected(localMs, zone as string),
      }))
      .filter(({ got, want }) => differs(got, want));

    expect(mismatches).toEqual([]);
  });
});

describe('ZoneRules.resolve agrees with Temporal around every transition, 1990-2040', () => {
  it.each([...DST_ZONES, ...OTHER_ZONES])('%s', (zone) => {
    const times = aroundTransitions(zone, 1990, 2040);

    const mismatches = times
      .map((localMs) => ({
        local: formatLocal(localMs),
        got: resolved(localMs, zone),
        want: expected(localMs, zone),
      }))
      .filter(({ got, want }) => differs(got, want));

    expect(mismatches).toEqual([]);
    if (zone !== 'UTC' && zone !== 'Asia/Shanghai') expect(times.length).toBeGreaterThan(100);
  });
});

describe('ZoneRules.resolve: the cases the engine relies on', () => {
  const at = (iso: string) => Date.parse(`${iso}Z`);

  it.each([
    // zone, wall time, instant, offset (hours), shifted (gap), ambiguous (overlap)
    ['America/New_York', '2026-03-08T02:30:00', '2026-03-08T07:30:00Z', -4, true, false],
    ['America/New_York', '2026-03-08T01:59:00', '2026-03-08T06:59:00Z', -5, false, false],
    ['America/New_York', '2026-03-08T03:00:00', '2026-03-08T07:00:00Z', -4, false, false],
    ['America/New_York', '2026-11-01T01:30:00', '2026-11-01T05:30:00Z', -4, false, true],
    ['America/New_York', '2026-11-01T02:00:00', '2026-11-01T07:00:00Z', -5, false, false],
    ['Europe/Berlin', '2026-03-29T02:30:00', '2026-03-29T01:30:00Z', 2, true, false],
    ['Europe/Berlin', '2026-10-25T02:30:00', '2026-10-25T00:30:00Z', 2, false, true],
    ['Europe/Berlin', '2026-10-25T03:00:00', '2026-10-25T02:00:00Z', 1, false, false],
    ['Australia/Sydney', '2026-10-04T02:30:00', '2026-10-03T16:30:00Z', 11, true, false],
    ['Australia/Sydney', '2026-04-05T02:30:00', '2026-04-04T15:30:00Z', 11, false, true],
    ['Australia/Sydney', '2026-04-05T03:00:00', '2026-04-04T17:00:00Z', 10, false, false],
    ['Asia/Shanghai', '2026-10-18T09:00:00', '2026-10-18T01:00:00Z', 8, false, false],
    // China kept DST until 1991: 1991-04-14 02:00 CST became 03:00 CDT (+09:00).
    ['Asia/Shanghai', '1991-04-14T02:30:00', '1991-04-13T18:30:00Z', 9, true, false],
  ])(
    '%s %s is %s (UTC%s), shifted: %s, ambiguous: %s',
    (zone, wall, instant, offsetHours, shifted, ambiguous) => {
      expect(ZoneRules.for(zone).resolve(at(wall))).toEqual({
        instant: Date.parse(instant),
        offset: offsetHours * HOUR,
        shifted,
        ambiguous,
      });
    },
  );

  it('toLocal turns an instant back into the wall time, on both sides of the New York overlap', () => {
    const rules = ZoneRules.for('America/New_York');

    expect(formatLocal(rules.toLocal(Date.parse('2026-11-01T05:30:00Z')))).toBe('2026-11-01T01:30:00');
    expect(formatLocal(rules.toLocal(Date.parse('2026-11-01T06:30:00Z')))).toBe('2026-11-01T01:30:00');
    expect(rules.offsetAt(Date.parse('2026-11-01T05:59:59Z'))).toBe(-4 * HOUR);
    expect(rules.offsetAt(Date.parse('2026-11-01T06:00:00Z'))).toBe(-5 * HOUR);
  });

  it.each(['Mars/Olympus_Mons', '+08:00', 'EST5EDT,M3.2.0,M11.1.0', ''])(
    'rejects %j as TIME_ZONE_INVALID',
    (zone) => {
      let error: unknown;
      try {
        ZoneRules.for(zone);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(RecurrenceError);
      expect(error).toMatchObject({ code: 'TIME_ZONE_INVALID', part: 'timeZone' });
    },
  );
});
