// VTIMEZONEs are checked by what a client that only reads them computes: ical.js (Thunderbird)
// takes the offsets from the file's own VTIMEZONE, so for every zone and span below, entries on
// both sides of every change (and weekly across the span) must come back at their instants.
import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import type { CalendarEntry } from '../calendar-entry';
import { EventCache } from './event-cache';
import { lintIcs } from './lint-ics';
import { renderCalendar } from './render-calendar';
import { vtimezoneLines } from './vtimezone';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

function transitions(zone: string, fromYear: number, toYear: number): number[] {
  const end = Date.UTC(toYear + 1, 0, 1);
  const found: number[] = [];
  let cursor = Temporal.Instant.fromEpochMilliseconds(Date.UTC(fromYear, 0, 1)).toZonedDateTimeISO(zone);
  for (;;) {
    const next = cursor.getTimeZoneTransition('next');
    if (!next || next.epochMilliseconds >= end) return found;
    found.push(next.epochMilliseconds);
    cursor = next;
  }
}

function entriesAround(zone: string, fromYear: number, toYear: number): CalendarEntry[] {
  const starts = new Set<number>();
  for (let t = Date.UTC(fromYear, 0, 1, 3, 17); t < Date.UTC(toYear, 11, 31); t += WEEK) starts.add(t);
  for (const t of transitions(zone, fromYear, toYear)) {
    for (const delta of [-2 * HOUR, -HOUR, -30 * 60_000, 0, 30 * 60_000, HOUR, 2 * HOUR, 24 * HOUR]) {
      starts.add(t + delta);
    }
  }
  return [...starts].map((start, i) => ({
    uid: `${zone}-${i}@test`,
    sequence: 0,
    status: 'CONFIRMED',
    start: new Date(start),
    end: new Date(start + HOUR),
    timeZone: zone,
    summary: 'probe',
    lastModified: new Date(Date.UTC(2026, 0, 1)),
  }));
}

/** Start and end of every VEVENT as ical.js computes them, by UID. */
function readWithIcalJs(body: string): Map<string, [number, number]> {
  const calendar = new ICAL.Component(ICAL.parse(body));
  const read = new Map<string, [number, number]>();
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    read.set(event.uid, [event.startDate.toJSDate().getTime(), event.endDate.toJSDate().getTime()]);
  }
  return read;
}

const spans: [zone: string, fromYear: number, toYear: number, why: string][] = [
  ['America/New_York', 2026, 2028, 'second Sunday of March, first of November'],
  ['Europe/Berlin', 2026, 2027, 'last Sundays of March and October'],
  ['Australia/Sydney', 2026, 2027, 'southern hemisphere: daylight time over New Year'],
  ['Australia/Lord_Howe', 2026, 2026, 'half-hour daylight saving'],
  ['America/Sao_Paulo', 2017, 2020, 'daylight saving abolished in 2019'],
  ['America/Santiago', 2026, 2027, 'changes at midnight'],
  ['Africa/Casablanca', 2026, 2027, 'irregular: suspended for Ramadan'],
  ['Asia/Shanghai', 2026, 2027, 'one offset since 1991'],
];

describe.each(spans)('%s %i-%i (%s)', (zone, fromYear, toYear) => {
  const entries = entriesAround(zone, fromYear, toYear);
  const body = renderCalendar(entries, { name: zone, timeZone: zone, refreshMinutes: 60 }, new EventCache());

  it('passes our lint', () => {
    expect(lintIcs(body)).toEqual([]);
  });

  it('ical.js, reading only our VTIMEZONE, puts every entry at its instants', () => {
    const read = readWithIcalJs(body);
    const wrong = entries
      .filter((e) => {
        const [start, end] = read.get(e.uid) ?? [NaN, NaN];
        return start !== e.start.getTime() || end !== e.end.getTime();
      })
      .map(
        (e) =>
          `${e.start.toISOString()}-${e.end.toISOString()} read as ${read
            .get(e.uid)!
            .map((t) => new Date(t).toISOString())
            .join('-')}`,
      );
    expect(wrong).toEqual([]);
  });
});

describe('VTIMEZONE shape', () => {
  const observances = (lines: string[]) => lines.filter((l) => /^BEGIN:(STANDARD|DAYLIGHT)$/.test(l)).length;

  it('Asia/Shanghai: a single STANDARD at +0800 on both sides', () => {
    expect(vtimezoneLines('Asia/Shanghai', 2026, 2026)).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Shanghai',
      'X-LIC-LOCATION:Asia/Shanghai',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0800',
      'TZOFFSETTO:+0800',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('America/New_York: one yearly rule per kind, starting before the span', () => {
    expect(vtimezoneLines('America/New_York', 2026, 2028)).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:America/New_York',
      'X-LIC-LOCATION:America/New_York',
      'BEGIN:STANDARD',
      'DTSTART:20251102T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
      'TZOFFSETFROM:-0400',
      'TZOFFSETTO:-0500',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:20260308T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
      'TZOFFSETFROM:-0500',
      'TZOFFSETTO:-0400',
      'END:DAYLIGHT',
      'END:VTIMEZONE',
    ]);
  });

  it('Europe/Berlin: last Sundays', () => {
    const lines = vtimezoneLines('Europe/Berlin', 2026, 2027);
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    expect(observances(lines)).toBe(2);
  });

  it('America/Sao_Paulo 2017-2020: no daylight rule runs past its abolition', () => {
    const lines = vtimezoneLines('America/Sao_Paulo', 2017, 2020);
    const daylight = lines.slice(lines.indexOf('BEGIN:DAYLIGHT'));
    expect(daylight.slice(0, daylight.indexOf('END:DAYLIGHT'))).not.toContainEqual(
      expect.stringMatching(/^RRULE/),
    );
    expect(lines.filter((l) => /^(DTSTART|RDATE):20(19|20)/.test(l))).toEqual(['RDATE:20190217T000000']);
  });

  it('a zone with no changes at all (UTC) gets a single STANDARD', () => {
    expect(observances(vtimezoneLines('UTC', 2026, 2030))).toBe(1);
  });
});

// Issue 10, item 14: a yearly rule guessed from the few changes inside a feed's years is wrong in
// later years for zones whose changes follow no "n-th weekday" rule (Ramadan in Casablanca and
// Gaza, "the Friday before the last Sunday" in Jerusalem). Clients expand an RRULE forever, so a
// rule is written only when it matches the zone's own changes for decades past the span;
// otherwise each observance lists its onsets as RDATEs, exact for the years covered.
describe('irregular zones: RDATEs for the covered years, never a guessed rule', () => {
  const irregular: [zone: string, fromYear: number, toYear: number][] = [
    ['Africa/Casablanca', 2026, 2026],
    ['Africa/Casablanca', 2026, 2027],
    ['Asia/Gaza', 2026, 2026],
    ['Asia/Gaza', 2026, 2028],
    ['Asia/Jerusalem', 2026, 2026],
    ['Asia/Jerusalem', 2026, 2027],
  ];

  it.each(irregular)('%s %i-%i: no RRULE, onsets as RDATEs', (zone, fromYear, toYear) => {
    const lines = vtimezoneLines(zone, fromYear, toYear);
    expect(lines.filter((l) => l.startsWith('RRULE'))).toEqual([]);
    expect(lines.some((l) => l.startsWith('RDATE:'))).toBe(true);
    // One observance per kind and offset pair, not one per change.
    const observances = lines.filter((l) => /^BEGIN:(STANDARD|DAYLIGHT)$/.test(l)).length;
    expect(observances).toBeLessThanOrEqual(4);
  });

  it.each(irregular)('%s %i-%i: ical.js puts entries at their instants', (zone, fromYear, toYear) => {
    const entries = entriesAround(zone, fromYear, toYear);
    const body = renderCalendar(
      entries,
      { name: zone, timeZone: zone, refreshMinutes: 60 },
      new EventCache(),
    );
    expect(lintIcs(body)).toEqual([]);
    const read = readWithIcalJs(body);
    const wrong = entries.filter((e) => read.get(e.uid)?.[0] !== e.start.getTime()).map((e) => e.uid);
    expect(wrong).toEqual([]);
  });

  const ruleZones = [...spans.map(([zone, from, to]) => [zone, from, to] as const), ...irregular];
  it.each(ruleZones)(
    '%s %i-%i: any RRULE written holds for 30 years past the span',
    (zone, fromYear, toYear) => {
      const lines = vtimezoneLines(zone, fromYear, toYear);
      const component = new ICAL.Component(
        ICAL.parse(['BEGIN:VCALENDAR', ...lines, 'END:VCALENDAR', ''].join('\r\n')),
      );
      const timezone = new ICAL.Timezone(component.getFirstSubcomponent('vtimezone')!);
      const wrong: string[] = [];
      for (const t of transitions(zone, toYear + 1, toYear + 30)) {
        for (const probe of [t - 3 * HOUR, t + 3 * HOUR]) {
          const wall = Temporal.Instant.fromEpochMilliseconds(probe).toZonedDateTimeISO(zone);
          const time = ICAL.Time.fromData(
            { year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute },
            timezone,
          );
          if (!lines.some((l) => l.startsWith('RRULE'))) continue;
          if (time.toJSDate().getTime() !== probe) wrong.push(new Date(probe).toISOString());
        }
      }
      expect(wrong).toEqual([]);
    },
  );
});
