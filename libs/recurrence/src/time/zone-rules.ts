import { Temporal } from 'temporal-polyfill';
import { RecurrenceError } from '../errors';
import { DAY, InstantMs, LocalMs } from './local-date-time';

const SINCE = Date.UTC(1995, 0, 1);

const invalidZone = (zone: string) =>
  new RecurrenceError(
    'TIME_ZONE_INVALID',
    `"${zone}" is not an IANA time zone such as Asia/Shanghai`,
    'timeZone',
  );

interface YearRules {
  /** Offset in force at the start of the (UTC) year. */
  startOffset: number;
  /** Offset changes during the year, in order. */
  transitions: { at: InstantMs; offset: number }[];
}

/**
 * A time zone's UTC offsets, looked up without Temporal on the hot path: transitions are read from
 * Temporal once per zone and year, then offsets come from a tiny search. rrule.js with a tzid asks
 * Intl for every occurrence, which is what makes it slow.
 */
export class ZoneRules {
  private readonly years = new Map<number, YearRules>();
  /** Zones with no change since 1995 (such as Asia/Shanghai) resolve with one subtraction. */
  private readonly offsetSince1995: number | undefined;

  private constructor(readonly zone: string) {
    const zoned = Temporal.Instant.fromEpochMilliseconds(SINCE).toZonedDateTimeISO(zone);
    this.offsetSince1995 =
      zoned.getTimeZoneTransition('next') === null ? zoned.offsetNanoseconds / 1e6 : undefined;
  }

  private static readonly cache = new Map<string, ZoneRules>();

  /** Shared per zone: the rules never change within a process. Throws TIME_ZONE_INVALID for a non-IANA name. */
  static for(zone: string): ZoneRules {
    let rules = ZoneRules.cache.get(zone);
    if (!rules) {
      // Temporal also accepts offsets such as +08:00; a rule needs a real zone with its history.
      if (/^[+-]/.test(zone) || zone.length > 64) throw invalidZone(zone);
      try {
        rules = new ZoneRules(zone);
      } catch {
        throw invalidZone(zone);
      }
      ZoneRules.cache.set(zone, rules);
    }
    return rules;
  }

  /** Offset (ms, east positive) in force at an instant. */
  offsetAt(instant: InstantMs): number {
    const year = new Date(instant).getUTCFullYear();
    const rules = this.yearRules(year);
    let offset = rules.startOffset;
    for (const transition of rules.transitions) {
      if (transition.at > instant) break;
      offset = transition.offset;
    }
    return offset;
  }

  /**
   * The instant of a wall time, RFC 5545 style (Temporal's 'compatible'): a time in a gap moves
   * forward by the gap; an ambiguous time takes the earlier instant (the offset before the change).
   */
  resolve(local: LocalMs): { instant: InstantMs; offset: number; shifted: boolean; ambiguous: boolean } {
    if (this.offsetSince1995 !== undefined && local > SINCE + DAY) {
      return {
        instant: local - this.offsetSince1995,
        offset: this.offsetSince1995,
        shifted: false,
        ambiguous: false,
      };
    }
    const before = this.offsetAt(local - DAY);
    const after = this.offsetAt(local + DAY);
    if (before === after)
      return { instant: local - before, offset: before, shifted: false, ambiguous: false };
    const withBefore = local - before;
    const withAfter = local - after;
    const beforeValid = this.offsetAt(withBefore) === before;
    const afterValid = this.offsetAt(withAfter) === after;
    if (beforeValid && afterValid) {
      return withBefore <= withAfter
        ? { instant: withBefore, offset: before, shifted: false, ambiguous: true }
        : { instant: withAfter, offset: after, shifted: false, ambiguous: true };
    }
    if (beforeValid) return { instant: withBefore, offset: before, shifted: false, ambiguous: false };
    if (afterValid) return { instant: withAfter, offset: after, shifted: false, ambiguous: false };
    // In the gap: read the wall time with the offset before the change, which lands after it.
    return { instant: withBefore, offset: this.offsetAt(withBefore), shifted: true, ambiguous: false };
  }

  /** Local wall time of an instant. */
  toLocal(instant: InstantMs): LocalMs {
    return instant + this.offsetAt(instant);
  }

  private yearRules(year: number): YearRules {
    let rules = this.years.get(year);
    if (!rules) {
      const start = Date.UTC(year, 0, 1);
      const end = Date.UTC(year + 1, 0, 1);
      let zoned = Temporal.Instant.fromEpochMilliseconds(start).toZonedDateTimeISO(this.zone);
      const startOffset = zoned.offsetNanoseconds / 1e6;
      const transitions: YearRules['transitions'] = [];
      for (;;) {
        const next = zoned.getTimeZoneTransition('next');
        if (!next || next.epochMilliseconds >= end) break;
        transitions.push({ at: next.epochMilliseconds, offset: next.offsetNanoseconds / 1e6 });
        zoned = next;
      }
      rules = { startOffset, transitions };
      this.years.set(year, rules);
    }
    return rules;
  }
}
