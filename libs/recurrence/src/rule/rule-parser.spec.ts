// The RRULE parser: every invalid rule is an RRULE_INVALID naming the bad part; valid rules (RFC 5545, and
// RFC 7529 RSCALE/SKIP for the Chinese calendar) parse into the rule the engine expands.
import { RecurrenceError } from '../errors';
import { formatRecurrenceRule, parseRecurrenceRule, type RecurrenceRule } from './recurrence-rule';

function errorOf(text: string): RecurrenceError {
  try {
    parseRecurrenceRule(text);
  } catch (error) {
    if (error instanceof RecurrenceError) return error;
    throw error;
  }
  throw new Error(`"${text}" parsed, but should not have`);
}

describe('invalid rules answer RRULE_INVALID naming the part', () => {
  it.each([
    // the cases the issue names
    ['missing FREQ', 'INTERVAL=2;COUNT=3', 'FREQ'],
    ['unknown FREQ', 'FREQ=FORTNIGHTLY', 'FREQ'],
    ['BYMONTH=13', 'FREQ=YEARLY;BYMONTH=13', 'BYMONTH'],
    ['BYDAY=XX', 'FREQ=WEEKLY;BYDAY=XX', 'BYDAY'],
    ['BYWEEKNO with FREQ=MONTHLY', 'FREQ=MONTHLY;BYWEEKNO=20', 'BYWEEKNO'],
    ['BYSETPOS alone', 'FREQ=MONTHLY;BYSETPOS=1', 'BYSETPOS'],
    ['unknown part FOO=1', 'FREQ=DAILY;FOO=1', 'FOO'],
    ['duplicate part', 'FREQ=DAILY;INTERVAL=2;INTERVAL=3', 'INTERVAL'],
    ['duplicate FREQ', 'FREQ=DAILY;FREQ=WEEKLY', 'FREQ'],
    ['INTERVAL=0', 'FREQ=DAILY;INTERVAL=0', 'INTERVAL'],
    ['BYMONTH=5L without RSCALE', 'FREQ=YEARLY;BYMONTH=5L;BYMONTHDAY=5', 'BYMONTH'],
    ['SKIP without RSCALE', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;SKIP=FORWARD', 'SKIP'],
    // values out of range (RFC 5545 3.3.10)
    ['BYMONTH=0', 'FREQ=YEARLY;BYMONTH=0', 'BYMONTH'],
    ['BYMONTHDAY=0', 'FREQ=MONTHLY;BYMONTHDAY=0', 'BYMONTHDAY'],
    ['BYMONTHDAY=32', 'FREQ=MONTHLY;BYMONTHDAY=1,32', 'BYMONTHDAY'],
    ['BYMONTHDAY=-32', 'FREQ=MONTHLY;BYMONTHDAY=-32', 'BYMONTHDAY'],
    ['BYYEARDAY=0', 'FREQ=YEARLY;BYYEARDAY=0', 'BYYEARDAY'],
    ['BYYEARDAY=367', 'FREQ=YEARLY;BYYEARDAY=1,367', 'BYYEARDAY'],
    ['BYWEEKNO=54', 'FREQ=YEARLY;BYWEEKNO=54', 'BYWEEKNO'],
    ['BYWEEKNO=0', 'FREQ=YEARLY;BYWEEKNO=0', 'BYWEEKNO'],
    ['BYHOUR=24', 'FREQ=DAILY;BYHOUR=9,24', 'BYHOUR'],
    ['BYMINUTE=60', 'FREQ=HOURLY;BYMINUTE=60', 'BYMINUTE'],
    ['BYSECOND=61', 'FREQ=MINUTELY;BYSECOND=61', 'BYSECOND'],
    ['BYSETPOS=0', 'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0', 'BYSETPOS'],
    ['BYSETPOS=367', 'FREQ=YEARLY;BYDAY=MO;BYSETPOS=367', 'BYSETPOS'],
    ['negative BYHOUR', 'FREQ=DAILY;BYHOUR=-1', 'BYHOUR'],
    ['COUNT=0', 'FREQ=DAILY;COUNT=0', 'COUNT'],
    ['COUNT not a number', 'FREQ=DAILY;COUNT=ten', 'COUNT'],
    ['INTERVAL negative', 'FREQ=DAILY;INTERVAL=-2', 'INTERVAL'],
    ['INTERVAL not an integer', 'FREQ=DAILY;INTERVAL=1.5', 'INTERVAL'],
    ['UNTIL not an RFC 5545 date-time', 'FREQ=DAILY;UNTIL=2026-01-01T00:00:00Z', 'UNTIL'],
    ['UNTIL on February 30', 'FREQ=DAILY;UNTIL=20260230T000000Z', 'UNTIL'],
    ['WKST=XX', 'FREQ=WEEKLY;WKST=XX', 'WKST'],
    ['BYDAY ordinal 0', 'FREQ=MONTHLY;BYDAY=0MO', 'BYDAY'],
    ['BYDAY not a weekday', 'FREQ=MONTHLY;BYDAY=1MONDAY', 'BYDAY'],
    // combinations RFC 5545 forbids (dateutil allows some of them)
    ['BYDAY ordinal with FREQ=WEEKLY', 'FREQ=WEEKLY;BYDAY=1MO', 'BYDAY'],
    ['BYDAY ordinal with FREQ=DAILY', 'FREQ=DAILY;BYDAY=1TU,-1TH', 'BYDAY'],
    ['BYDAY ordinal with FREQ=YEARLY and BYWEEKNO', 'FREQ=YEARLY;BYWEEKNO=20;BYDAY=1MO', 'BYDAY'],
    ['BYMONTHDAY with FREQ=WEEKLY', 'FREQ=WEEKLY;BYMONTHDAY=1,3', 'BYMONTHDAY'],
    ['BYYEARDAY with FREQ=MONTHLY', 'FREQ=MONTHLY;BYYEARDAY=1,100', 'BYYEARDAY'],
    ['BYYEARDAY with FREQ=DAILY', 'FREQ=DAILY;BYYEARDAY=1', 'BYYEARDAY'],
    ['BYWEEKNO with FREQ=HOURLY', 'FREQ=HOURLY;BYWEEKNO=20', 'BYWEEKNO'],
    // syntax
    ['empty rule', '', 'RRULE'],
    ['a part without =', 'FREQ=DAILY;COUNT', 'RRULE'],
    ['a part without a value', 'FREQ=', 'FREQ'],
    // RFC 7529
    ['unsupported RSCALE', 'RSCALE=HEBREW;FREQ=YEARLY', 'RSCALE'],
    ['unknown SKIP', 'RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=9;SKIP=SIDEWAYS', 'SKIP'],
    ['lunar month 13', 'RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=13;BYMONTHDAY=1', 'BYMONTH'],
    ['lunar day 31', 'RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=31', 'BYMONTHDAY'],
    ['lunar FREQ=DAILY', 'RSCALE=CHINESE;FREQ=DAILY', 'FREQ'],
  ])('%s: %s', (_title, text, part) => {
    const error = errorOf(text);

    expect(error.code).toBe('RRULE_INVALID');
    expect(error.part).toBe(part);
    expect(error.message).toContain(part);
  });

  it('COUNT and UNTIL together: names one of them', () => {
    const error = errorOf('FREQ=DAILY;COUNT=5;UNTIL=20260101T000000Z');

    expect(error.code).toBe('RRULE_INVALID');
    expect(['COUNT', 'UNTIL']).toContain(error.part);
    expect(error.message).toMatch(/COUNT/);
    expect(error.message).toMatch(/UNTIL/);
  });

  it('is a RecurrenceError (and an Error) with name RecurrenceError', () => {
    const error = errorOf('FREQ=DAILY;FOO=1');

    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RecurrenceError');
  });
});

describe('valid rules parse', () => {
  it.each<[string, string, Partial<RecurrenceRule>]>([
    ['FREQ only', 'FREQ=DAILY', { freq: 'DAILY', interval: 1, rscale: 'GREGORIAN', skip: 'OMIT' }],
    [
      'with the RRULE: prefix',
      'RRULE:FREQ=WEEKLY;BYDAY=MO,WE',
      { freq: 'WEEKLY', byDay: [{ weekday: 'MO' }, { weekday: 'WE' }] },
    ],
    ['lower case', 'freq=daily;count=3', { freq: 'DAILY', count: 3 }],
    [
      'parts in any order',
      'COUNT=10;BYDAY=TU,TH;FREQ=WEEKLY;WKST=SU',
      { freq: 'WEEKLY', count: 10, wkst: 'SU' },
    ],
    [
      'UNTIL in UTC',
      'FREQ=DAILY;UNTIL=19971224T000000Z',
      { until: { ms: Date.UTC(1997, 11, 24), utc: true, dateOnly: false } },
    ],
    [
      'UNTIL as a DATE',
      'FREQ=DAILY;UNTIL=19971224',
      { until: { ms: Date.UTC(1997, 11, 24), utc: false, dateOnly: true } },
    ],
    [
      'ordinal BYDAY',
      'FREQ=MONTHLY;BYDAY=1SU,-1SU,+2MO',
      {
        byDay: [
          { weekday: 'SU', n: 1 },
          { weekday: 'SU', n: -1 },
          { weekday: 'MO', n: 2 },
        ],
      },
    ],
    ['20th Monday of the year', 'FREQ=YEARLY;BYDAY=20MO', { byDay: [{ weekday: 'MO', n: 20 }] }],
    ['negative BYMONTHDAY', 'FREQ=MONTHLY;BYMONTHDAY=1,-1', { byMonthDay: [1, -1] }],
    ['negative BYYEARDAY', 'FREQ=YEARLY;BYYEARDAY=-366,-1,366', { byYearDay: [-366, -1, 366] }],
    ['BYWEEKNO 53 and -1', 'FREQ=YEARLY;BYWEEKNO=53,-1;BYDAY=MO', { byWeekNo: [53, -1] }],
    ['BYSETPOS with BYDAY', 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2', { bySetPos: [-2] }],
    ['BYSETPOS with BYHOUR', 'FREQ=DAILY;BYHOUR=6,18;BYMINUTE=15,45;BYSETPOS=3,-3', { bySetPos: [3, -3] }],
    [
      'BYHOUR, BYMINUTE, BYSECOND 0',
      'FREQ=DAILY;BYHOUR=0;BYMINUTE=0;BYSECOND=0',
      { byHour: [0], byMinute: [0], bySecond: [0] },
    ],
    ['BYYEARDAY with FREQ=HOURLY', 'FREQ=HOURLY;BYYEARDAY=1,100', { byYearDay: [1, 100] }],
    // The parser's own maximums are INTERVAL 10,000 and COUNT 100,000.
    ['INTERVAL at the parser maximum', 'FREQ=DAILY;INTERVAL=10000', { interval: 10000 }],
    ['COUNT above 9,999', 'FREQ=DAILY;COUNT=10000', { count: 10000 }],
    [
      'Double Ninth (RSCALE=CHINESE)',
      'RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=9',
      {
        rscale: 'CHINESE',
        freq: 'YEARLY',
        byMonth: [{ month: 9, leap: false }],
        byMonthDay: [9],
        skip: 'OMIT',
      },
    ],
    [
      'a leap month 5L',
      'RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=5L;BYMONTHDAY=5',
      { rscale: 'CHINESE', byMonth: [{ month: 5, leap: true }], byMonthDay: [5] },
    ],
    [
      'a leap month with SKIP=FORWARD',
      'RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=5L;BYMONTHDAY=30;SKIP=FORWARD',
      { rscale: 'CHINESE', byMonth: [{ month: 5, leap: true }], byMonthDay: [30], skip: 'FORWARD' },
    ],
    [
      'lunar monthly on the 1st and 15th',
      'RSCALE=CHINESE;FREQ=MONTHLY;BYMONTHDAY=1,15',
      { rscale: 'CHINESE', freq: 'MONTHLY', byMonthDay: [1, 15] },
    ],
    [
      'RSCALE=GREGORIAN with SKIP (RFC 7529)',
      'RSCALE=GREGORIAN;FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;SKIP=BACKWARD',
      { rscale: 'GREGORIAN', skip: 'BACKWARD' },
    ],
  ])('%s: %s', (_title, text, expected) => {
    expect(parseRecurrenceRule(text)).toMatchObject(expected);
  });

  // Every rule of RFC 5545 section 3.8.5.3.
  const rfcRules = [
    'FREQ=DAILY;COUNT=10',
    'FREQ=DAILY;UNTIL=19971224T000000Z',
    'FREQ=DAILY;INTERVAL=2',
    'FREQ=DAILY;INTERVAL=10;COUNT=5',
    'FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA',
    'FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1',
    'FREQ=WEEKLY;COUNT=10',
    'FREQ=WEEKLY;UNTIL=19971224T000000Z',
    'FREQ=WEEKLY;INTERVAL=2;WKST=SU',
    'FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH',
    'FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH',
    'FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR',
    'FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH',
    'FREQ=MONTHLY;COUNT=10;BYDAY=1FR',
    'FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR',
    'FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU',
    'FREQ=MONTHLY;COUNT=6;BYDAY=-2MO',
    'FREQ=MONTHLY;BYMONTHDAY=-3',
    'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15',
    'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1',
    'FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15',
    'FREQ=MONTHLY;INTERVAL=2;BYDAY=TU',
    'FREQ=YEARLY;COUNT=10;BYMONTH=6,7',
    'FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3',
    'FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200',
    'FREQ=YEARLY;BYDAY=20MO',
    'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO',
    'FREQ=YEARLY;BYMONTH=3;BYDAY=TH',
    'FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8',
    'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13',
    'FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13',
    'FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8',
    'FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3',
    'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2',
    'FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z',
    'FREQ=MINUTELY;INTERVAL=15;COUNT=6',
    'FREQ=MINUTELY;INTERVAL=90;COUNT=4',
    'FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40',
    'FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16',
    'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO',
    'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU',
    'FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5',
  ];

  it.each(rfcRules)('RFC 5545 example %s parses and survives formatRecurrenceRule', (text) => {
    const rule = parseRecurrenceRule(text);

    expect(parseRecurrenceRule(formatRecurrenceRule(rule))).toEqual(rule);
  });

  it.each([
    'RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=9',
    'RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=5L;BYMONTHDAY=5;SKIP=BACKWARD',
  ])('lunar rule %s survives formatRecurrenceRule', (text) => {
    const rule = parseRecurrenceRule(text);

    expect(formatRecurrenceRule(rule)).toBe(text);
    expect(parseRecurrenceRule(formatRecurrenceRule(rule))).toEqual(rule);
  });
});

describe('well-formed rules past a limit', () => {
  it('a large but well-formed INTERVAL (dateutil testSecondlyIntervalLarge) is not RRULE_INVALID', () => {
    // RFC 5545 sets no maximum; a limit on it is a RECURRENCE_LIMIT (422), not a malformed rule (400).
    let error: unknown;
    try {
      parseRecurrenceRule('FREQ=SECONDLY;COUNT=3;INTERVAL=90061');
    } catch (e) {
      error = e;
    }
    expect(error === undefined || (error as RecurrenceError).code !== 'RRULE_INVALID').toBe(true);
  });
});
