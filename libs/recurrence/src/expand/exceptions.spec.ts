import { expandBetween, formatted, localStarts } from '../testing/expand-helpers';
import { formatLocal } from '../time/local-date-time';

const weekly = {
  rrule: 'FREQ=WEEKLY;BYDAY=WE',
  dtstart: '2026-11-04T14:00:00',
  timeZone: 'Asia/Shanghai',
  duration: 'PT2H',
};
const NOVEMBER = ['2026-11-01T00:00:00+08:00', '2026-12-01T00:00:00+08:00'] as const;

describe('exceptions: RDATE, EXDATE and overrides keyed by RECURRENCE-ID', () => {
  it('adds extra dates, flagged, in order', () => {
    const occurrences = formatted(expandBetween({ ...weekly, rdates: ['2026-11-14T10:00:00'] }, ...NOVEMBER));
    expect(occurrences.map((o) => o.start.local)).toEqual([
      '2026-11-04T14:00:00',
      '2026-11-11T14:00:00',
      '2026-11-14T10:00:00',
      '2026-11-18T14:00:00',
      '2026-11-25T14:00:00',
    ]);
    expect(occurrences[2].flags).toEqual(['extra_date']);
  });

  it('an RDATE equal to a rule occurrence does not double it', () => {
    expect(localStarts({ ...weekly, rdates: ['2026-11-11T14:00:00'] }, ...NOVEMBER)).toHaveLength(4);
  });

  it('cancels by exact start or by whole day, and lists what it left out', () => {
    const result = expandBetween({ ...weekly, exdates: ['2026-11-11T14:00:00', '2026-11-25'] }, ...NOVEMBER);
    expect(result.occurrences.map((o) => formatLocal(o.start))).toEqual([
      '2026-11-04T14:00:00',
      '2026-11-18T14:00:00',
    ]);
    expect(result.skipped.map((s) => [formatLocal(s.recurrenceId), s.reason])).toEqual([
      ['2026-11-11T14:00:00', 'exdate'],
      ['2026-11-25T14:00:00', 'exdate'],
    ]);
  });

  it('an EXDATE at a different time of day cancels nothing', () => {
    expect(localStarts({ ...weekly, exdates: ['2026-11-11T09:00:00'] }, ...NOVEMBER)).toHaveLength(4);
  });

  it('moves one occurrence and keeps its identity (RECURRENCE-ID) and its own duration', () => {
    const occurrences = formatted(
      expandBetween(
        {
          ...weekly,
          overrides: [
            { recurrenceId: '2026-11-18T14:00:00', start: '2026-11-19T15:30:00', duration: 'PT1H' },
          ],
        },
        ...NOVEMBER,
      ),
    );
    const moved = occurrences.find((o) => o.recurrenceId === '2026-11-18T14:00:00')!;
    expect(moved.start.local).toBe('2026-11-19T15:30:00');
    expect(moved.end.local).toBe('2026-11-19T16:30:00');
    expect(moved.flags).toEqual(['overridden']);
    expect(occurrences.map((o) => o.start.local)).not.toContain('2026-11-18T14:00:00');
  });

  it('cancels one occurrence by override', () => {
    const result = expandBetween(
      { ...weekly, overrides: [{ recurrenceId: '2026-11-04T14:00:00', cancelled: true }] },
      ...NOVEMBER,
    );
    expect(result.occurrences).toHaveLength(3);
    expect(result.skipped).toEqual([{ recurrenceId: Date.UTC(2026, 10, 4, 14), reason: 'cancelled' }]);
  });

  it('an occurrence moved into the window from outside it shows up; one moved out does not', () => {
    const series = {
      ...weekly,
      overrides: [
        { recurrenceId: '2026-12-02T14:00:00', start: '2026-11-30T14:00:00' },
        { recurrenceId: '2026-11-25T14:00:00', start: '2026-12-03T14:00:00' },
      ],
    };
    expect(localStarts(series, ...NOVEMBER)).toEqual([
      '2026-11-04T14:00:00',
      '2026-11-11T14:00:00',
      '2026-11-18T14:00:00',
      '2026-11-30T14:00:00',
    ]);
  });

  it('a series without RRULE is DTSTART plus its RDATEs', () => {
    const single = {
      dtstart: '2026-11-20T09:00:00',
      timeZone: 'Asia/Shanghai',
      rdates: ['2026-11-27T09:00:00'],
    };
    expect(localStarts(single, ...NOVEMBER)).toEqual(['2026-11-20T09:00:00', '2026-11-27T09:00:00']);
  });

  it('a DTSTART the rule does not produce is not an occurrence: "every Friday from a Wednesday"', () => {
    const offRule = {
      rrule: 'FREQ=WEEKLY;BYDAY=FR;COUNT=3',
      dtstart: '2026-11-04T09:00:00',
      timeZone: 'Asia/Shanghai',
    };
    expect(localStarts(offRule, ...NOVEMBER)).toEqual([
      '2026-11-06T09:00:00',
      '2026-11-13T09:00:00',
      '2026-11-20T09:00:00',
    ]);
  });

  it('computes ends with nominal days in local time and exact hours across DST', () => {
    const overnight = {
      rrule: 'FREQ=DAILY;COUNT=3',
      dtstart: '2026-03-07T20:00:00',
      timeZone: 'America/New_York',
      duration: 'PT12H',
    };
    const ends = formatted(expandBetween(overnight, '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z')).map(
      (o) => o.end.local,
    );
    // 12 exact hours from 20:00 EST on the night the clocks spring forward end at 09:00 EDT.
    expect(ends).toEqual(['2026-03-08T09:00:00', '2026-03-09T08:00:00', '2026-03-10T08:00:00']);
    const twoDays = {
      rrule: 'FREQ=WEEKLY;COUNT=1',
      dtstart: '2026-03-07T10:00:00',
      timeZone: 'America/New_York',
      duration: 'P2D',
    };
    expect(formatted(expandBetween(twoDays, '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'))[0].end).toEqual({
      local: '2026-03-09T10:00:00',
      offset: '-04:00',
      instant: '2026-03-09T14:00:00Z',
    });
  });
});
