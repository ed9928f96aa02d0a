/**
 * Issue 3: "every weekday 09:00 for 5 years", ours (zoned, RFC 5545 wall-clock semantics) against
 * rrule.js expanding the same rule floating (no zone: the fastest it can be, but wrong across DST)
 * and with a tzid (zoned like ours). Targets: ours within 2x of floating; at least 10x faster than tzid.
 */
import { RRule } from 'rrule';
import { expandSeries } from '@linli/recurrence';
import { medianMs, report } from './measure';

const RULE = 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2031, 0, 1);

function ours(timeZone: string): number {
  return expandSeries(
    { rrule: RULE, dtstart: '2026-01-01T09:00:00', timeZone },
    { from: FROM, to: TO, limit: 5000 },
  ).occurrences.length;
}

function rrulejs(tzid?: string): number {
  const rule = new RRule({
    freq: RRule.WEEKLY,
    byweekday: [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR],
    dtstart: new Date(Date.UTC(2026, 0, 1, 9)),
    tzid: tzid ?? null,
  });
  return rule.between(new Date(FROM), new Date(TO), true).length;
}

export function run(): void {
  for (const zone of ['Asia/Shanghai', 'America/New_York']) {
    const count = ours(zone);
    if (Math.abs(count - rrulejs()) > 1)
      throw new Error(`occurrence counts differ: ours ${count}, rrule.js ${rrulejs()}`);
    const floating = medianMs(() => rrulejs(), { warmup: 30, runs: 60 });
    const oursMs = medianMs(() => ours(zone), { warmup: 30, runs: 60 });
    const zoned = medianMs(() => rrulejs(zone), { warmup: 2, runs: 7 });
    const id = zone === 'Asia/Shanghai' ? 'shanghai' : 'new-york';
    report(`recurrence.weekdays-5y.${id}.vs-rrulejs-floating`, oursMs, floating, 'ms');
    report(`recurrence.weekdays-5y.${id}.vs-rrulejs-tzid`, oursMs, zoned, 'ms');
  }
}
