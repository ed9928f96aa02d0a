// Every example of RFC 5545 section 3.8.5.3 ("Recurrence Rule"), with DTSTART;TZID=America/New_York as in
// the RFC. Expected values are the RFC's local wall times with the offset the RFC names for each group (EDT
// -04:00, EST -05:00). UNTIL values are UTC in the RFC and compare as instants.
import { expandSeries } from './expand-series';
import { formatOccurrence } from './format-occurrence';
import {
  at,
  expandRule,
  instant,
  localWithOffset,
  range,
  utc,
  type Bound,
  type SeriesExtras,
} from '../testing/expansion-helpers';

const NY = 'America/New_York';
const EDT = '-04:00';
const EST = '-05:00';

interface RfcExample {
  name: string;
  dtstart: string;
  rrule: string;
  /** Window end for rules without COUNT/UNTIL ("forever"); otherwise well after the last occurrence. */
  to?: string;
  extras?: SeriesExtras;
  expected: string[];
}

/** 09:00 EDT / EST on the given days. */
const edt = (month: string, days: number[]) => at(month, days, EDT);
const est = (month: string, days: number[]) => at(month, days, EST);

/** Every 20 minutes from 9:00 to 16:40 on one day (EDT). */
const everyTwentyMinutes = (date: string) =>
  range(9, 16).flatMap((hour) => [0, 20, 40].map((minute) => `${date}T${pad(hour)}:${pad(minute)}:00${EDT}`));
const pad = (n: number) => String(n).padStart(2, '0');

const examples: RfcExample[] = [
  {
    name: 'Daily for 10 occurrences',
    dtstart: '1997-09-02T09:00:00',
    rrule: 'FREQ=DAILY;COUNT=10',
    expected: edt('1997-09', range(2, 11)),
  },
  {
    name: 'Daily until December 24, 1997',
    dtstart: '1997-09-02T09:00:00',
    rrule: 'FREQ=DAILY;UNTIL=19971224T000000Z',
    expected: [
      ...edt('1997-09', range(2, 30)),
      ...edt('1997-10', range(1, 25)),
      ...est('1997-10', range(26, 31)),
      ...est('1997-11', range(1, 30)),
      ...est('1997-12', range(1, 23)),
    ],
  },
  {
    name: 'Every other day - forever',
    dtstart: '1997-09-02T09:00:00',
    rrule: 'FREQ=DAILY;INTERVAL=2',
    to: '1998-01-01T00:00:00Z',
    expected: [
      ...edt('1997-09', range(2, 30, 2)),
      ...edt('1997-10', range(2, 24, 2)),
      ...est('1997-10', [26, 28, 30]),
      ...est('1997-11', range(1, 29, 2)),
      ...est('1997-12', range(1, 31, 2)),
    ],
  },
  {
    name: 'Every 10 days, 5 occurrences',
    dtstart: '1997-09-02T09:00:00',
    rrule: 'FREQ=DAILY;INTERVAL=10;COUNT=5',
    expected: [...edt('1997-09', [2, 12, 22]), ...edt('1997-10', [2, 12])],
  },
  {
    name: 'Every day in January, for 3 years (YEARLY with BYDAY)',
    dtstart: '1998-01-01T09:00:00',
    rrule: 'FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA',
    expected: [
      ...est('1998-01', range(1, 31)),
      ...est('1999-01', range(1, 31)),
      ...est('2000-01', range(1, 31)),
    ],
  },
  {
    name: 'Every day in January, for 3 years (DAILY with BYMONTH)',
    dtstart: '1998-01-01T09:00:00',
    rrule: 'FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1',
    expected: [
      ...est('1998-01', range(1, 31)),
      ...est('1999-01', range(1, 31)),
      ...est('2000-01', range(1, 31)),
    ],
  },
  {
    name: 'Weekly for 10 occurrences',
    dtstart: '1997-09-02T09:00:00',
    rrule: 'FREQ=WEEKLY;COUNT=10',
    expected: [
      ...edt('1997-09', [2, 9, 16, 23, 30]),
      ...edt('1997-10', [7, 14, 21]),
      ...est('1997-10', [28]),
      ...est('1997-11', [4]),
    ],
  },
  {
    name: 'Weekly until December 24, 1997',
    dtstart: '1997-09-02T09:00:00',
    rrule: 'FREQ=WEEKLY;UNTIL=19971224T000000Z',
    expected: [
      ...edt('1997-09', [2, 9, 16, 23, 30]),
      ...edt('1997-10', [7, 14, 21]),
      ...est('1997-10', [28]),
      ...est('1997-11', [4, 11, 18, 25]),
      ...est('1997-12', [2, 9, 16, 23]),
    ],
  },
  {
    name: 'Every other week - forever',
    dtstart: '1997-09-02T09:00:00',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;WKST=SU',
    to: '1998-02-18T00:00:00Z',
    expected: [
      ...edt('1997-09', [2, 16, 30]),
      ...edt('1997-10', [14]),
      ...est('1997-10', [28]),
      ...est('1997-11', [11, 25]),
      ...est('1997-12', [9, 23]),
      ...est('1998-01', [6, 20]),
      ...est('1998-02', [3, 17]),
    ],
  },
  {
    name: 'Weekly on Tuesday and Thursday for five weeks (UNTIL)',
    dtstart: '1997-09-02T09:00:00',
    rrule: 'FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH',
    expected: [...edt('1997-09', [2, 4, 9, 11, 16, 18, 23, 25, 30]), ...edt('1997-10', [2])],
  },
  {
    name: 'Weekly on Tuesday and Thursday for five weeks (COUNT)',
    dtstart: '1997-09-02T09:00:00',
    rrule: 'FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH',
    expected: [...edt('1997-09', [2, 4, 9, 11, 16, 18, 23, 25, 30]), ...edt('1997-10', [2])],
  },
  {
    name: 'Every other week on Monday, Wednesday, and Friday until December 24, 1997',
    dtstart: '1997-09-01T09:00:00',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR',
    expected: [
      ...edt('1997-09', [1, 3, 5, 15, 17, 19, 29]),
      ...edt('1997-10', [1, 3, 13, 15, 17]),
      ...est('1997-10', [27, 29, 31]),
      ...est('1997-11', [10, 12, 14, 24, 26, 28]),
      ...est('1997-12', [8, 10, 12, 22]),
    ],
  },
  {
    name: 'Every other week on Tuesday and Thursday, for 8 occurrences',
    dtstart: '1997-09-02T09:00:00',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH',
    expected: [...edt('1997-09', [2, 4, 16, 18, 30]), ...edt('1997-10', [2, 14, 16])],
  },
  {
    name: 'Monthly on the first Friday for 10 occurrences',
    dtstart: '1997-09-05T09:00:00',
    rrule: 'FREQ=MONTHLY;COUNT=10;BYDAY=1FR',
    expected: [
      ...edt('1997-09', [5]),
      ...edt('1997-10', [3]),
      ...est('1997-11', [7]),
      ...est('1997-12', [5]),
      ...est('1998-01', [2]),
      ...est('1998-02', [6]),
      ...est('1998-03', [6]),
      ...est('1998-04', [3]),
      ...edt('1998-05', [1]),
      ...edt('1998-06', [5]),
    ],
  },
  {
    name: 'Monthly on the first Friday until December 24, 1997',
    dtstart: '1997-09-05T09:00:00',
    rrule: 'FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR',
    expected: [
      ...edt('1997-09', [5]),
      ...edt('1997-10', [3]),
      ...est('1997-11', [7]),
      ...est('1997-12', [5]),
    ],
  },
  {
    name: 'Every other month on the first and last Sunday of the month for 10 occurrences',
    dtstart: '1997-09-07T09:00:00',
    rrule: 'FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU',
    expected: [
      ...edt('1997-09', [7, 28]),
      ...est('1997-11', [2, 30]),
      ...est('1998-01', [4, 25]),
      ...est('1998-03', [1, 29]),
      ...edt('1998-05', [3, 31]),
    ],
  },
  {
    name: 'Monthly on the second-to-last Monday of the month for 6 months',
    dtstart: '1997-09-22T09:00:00',
    rrule: 'FREQ=MONTHLY;COUNT=6;BYDAY=-2MO',
    expected: [
      ...edt('1997-09', [22]),
      ...edt('1997-10', [20]),
      ...est('1997-11', [17]),
      ...est('1997-12', [22]),
      ...est('1998-01', [19]),
      ...est('1998-02', [16]),
    ],
  },
  {
    name: 'Monthly on the third-to-the-last day of the month, forever',
    dtstart: '1997-09-28T09:00:00',
    rrule: 'FREQ=MONTHLY;BYMONTHDAY=-3',
    to: '1998-03-01T00:00:00Z',
    expected: [
      ...edt('1997-09', [28]),
      ...est('1997-10', [29]),
      ...est('1997-11', [28]),
      ...est('1997-12', [29]),
      ...est('1998-01', [29]),
      ...est('1998-02', [26]),
    ],
  },
  {
    name: 'Monthly on the 2nd and 15th of the month for 10 occurrences',
    dtstart: '1997-09-02T09:00:00',
    rrule: 'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15',
    expected: [
      ...edt('1997-09', [2, 15]),
      ...edt('1997-10', [2, 15]),
      ...est('1997-11', [2, 15]),
      ...est('1997-12', [2, 15]),
      ...est('1998-01', [2, 15]),
    ],
  },
  {
    name: 'Monthly on the first and last day of the month for 10 occurrences',
    dtstart: '1997-09-30T09:00:00',
    rrule: 'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1',
    expected: [
      ...edt('1997-09', [30]),
      ...edt('1997-10', [1]),
      ...est('1997-10', [31]),
      ...est('1997-11', [1, 30]),
      ...est('1997-12', [1, 31]),
      ...est('1998-01', [1, 31]),
      ...est('1998-02', [1]),
    ],
  },
  {
    name: 'Every 18 months on the 10th thru 15th of the month for 10 occurrences',
    dtstart: '1997-09-10T09:00:00',
    rrule: 'FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15',
    expected: [...edt('1997-09', range(10, 15)), ...est('1999-03', range(10, 13))],
  },
  {
    name: 'Every Tuesday, every other month',
    dtstart: '1997-09-02T09:00:00',
    rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=TU',
    to: '1998-04-01T00:00:00Z',
    expected: [
      ...edt('1997-09', [2, 9, 16, 23, 30]),
      ...est('1997-11', [4, 11, 18, 25]),
      ...est('1998-01', [6, 13, 20, 27]),
      ...est('1998-03', [3, 10, 17, 24, 31]),
    ],
  },
  {
    name: 'Yearly in June and July for 10 occurrences',
    dtstart: '1997-06-10T09:00:00',
    rrule: 'FREQ=YEARLY;COUNT=10;BYMONTH=6,7',
    expected: ['1997', '1998', '1999', '2000', '2001'].flatMap((year) => [
      ...edt(`${year}-06`, [10]),
      ...edt(`${year}-07`, [10]),
    ]),
  },
  {
    name: 'Every other year on January, February, and March for 10 occurrences',
    dtstart: '1997-03-10T09:00:00',
    rrule: 'FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3',
    expected: [
      ...est('1997-03', [10]),
      ...['1999', '2001', '2003'].flatMap((year) =>
        ['01', '02', '03'].flatMap((m) => est(`${year}-${m}`, [10])),
      ),
    ],
  },
  {
    name: 'Every third year on the 1st, 100th, and 200th day for 10 occurrences',
    dtstart: '1997-01-01T09:00:00',
    rrule: 'FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200',
    expected: [
      ...est('1997-01', [1]),
      ...edt('1997-04', [10]),
      ...edt('1997-07', [19]),
      ...est('2000-01', [1]),
      ...edt('2000-04', [9]),
      ...edt('2000-07', [18]),
      ...est('2003-01', [1]),
      ...edt('2003-04', [10]),
      ...edt('2003-07', [19]),
      ...est('2006-01', [1]),
    ],
  },
  {
    name: 'Every 20th Monday of the year, forever',
    dtstart: '1997-05-19T09:00:00',
    rrule: 'FREQ=YEARLY;BYDAY=20MO',
    to: '2000-01-01T00:00:00Z',
    expected: [...edt('1997-05', [19]), ...edt('1998-05', [18]), ...edt('1999-05', [17])],
  },
  {
    name: 'Monday of week number 20 (where the default start of the week is Monday), forever',
    dtstart: '1997-05-12T09:00:00',
    rrule: 'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO',
    to: '2000-01-01T00:00:00Z',
    expected: [...edt('1997-05', [12]), ...edt('1998-05', [11]), ...edt('1999-05', [17])],
  },
  {
    name: 'Every Thursday in March, forever',
    dtstart: '1997-03-13T09:00:00',
    rrule: 'FREQ=YEARLY;BYMONTH=3;BYDAY=TH',
    to: '2000-01-01T00:00:00Z',
    expected: [
      ...est('1997-03', [13, 20, 27]),
      ...est('1998-03', [5, 12, 19, 26]),
      ...est('1999-03', [4, 11, 18, 25]),
    ],
  },
  {
    name: 'Every Thursday, but only during June, July, and August, forever',
    dtstart: '1997-06-05T09:00:00',
    rrule: 'FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8',
    to: '2000-01-01T00:00:00Z',
    expected: [
      ...edt('1997-06', [5, 12, 19, 26]),
      ...edt('1997-07', [3, 10, 17, 24, 31]),
      ...edt('1997-08', [7, 14, 21, 28]),
      ...edt('1998-06', [4, 11, 18, 25]),
      ...edt('1998-07', [2, 9, 16, 23, 30]),
      ...edt('1998-08', [6, 13, 20, 27]),
      ...edt('1999-06', [3, 10, 17, 24]),
      ...edt('1999-07', [1, 8, 15, 22, 29]),
      ...edt('1999-08', [5, 12, 19, 26]),
    ],
  },
  {
    name: 'Every Friday the 13th, forever (EXDATE of the DTSTART)',
    dtstart: '1997-09-02T09:00:00',
    rrule: 'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13',
    extras: { exdates: ['1997-09-02T09:00:00'] },
    to: '2001-01-01T00:00:00Z',
    expected: [
      ...est('1998-02', [13]),
      ...est('1998-03', [13]),
      ...est('1998-11', [13]),
      ...edt('1999-08', [13]),
      ...edt('2000-10', [13]),
    ],
  },
  {
    name: 'The first Saturday that follows the first Sunday of the month, forever',
    dtstart: '1997-09-13T09:00:00',
    rrule: 'FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13',
    to: '1998-07-01T00:00:00Z',
    expected: [
      ...edt('1997-09', [13]),
      ...edt('1997-10', [11]),
      ...est('1997-11', [8]),
      ...est('1997-12', [13]),
      ...est('1998-01', [10]),
      ...est('1998-02', [7]),
      ...est('1998-03', [7]),
      ...edt('1998-04', [11]),
      ...edt('1998-05', [9]),
      ...edt('1998-06', [13]),
    ],
  },
  {
    name: 'Every 4 years, the first Tuesday after a Monday in November, forever (US Presidential Election)',
    dtstart: '1996-11-05T09:00:00',
    rrule: 'FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8',
    to: '2005-01-01T00:00:00Z',
    expected: [...est('1996-11', [5]), ...est('2000-11', [7]), ...est('2004-11', [2])],
  },
  {
    name: 'The third instance into the month of one of Tuesday, Wednesday, or Thursday, for next 3 months',
    dtstart: '1997-09-04T09:00:00',
    rrule: 'FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3',
    expected: [...edt('1997-09', [4]), ...edt('1997-10', [7]), ...est('1997-11', [6])],
  },
  {
    name: 'The second-to-last weekday of the month',
    dtstart: '1997-09-29T09:00:00',
    rrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2',
    to: '1998-04-01T00:00:00Z',
    expected: [
      ...edt('1997-09', [29]),
      ...est('1997-10', [30]),
      ...est('1997-11', [27]),
      ...est('1997-12', [30]),
      ...est('1998-01', [29]),
      ...est('1998-02', [26]),
      ...est('1998-03', [30]),
    ],
  },
  {
    // The RFC's text lists 09:00, 12:00 and 15:00, but its UNTIL (17:00Z) is 13:00 EDT, so compared as an
    // instant (RFC 5545: UNTIL in UTC bounds the recurrence) 15:00 EDT (19:00Z) is past it.
    name: 'Every 3 hours from 9:00 AM to 5:00 PM on a specific day (UNTIL=19970902T170000Z as an instant)',
    dtstart: '1997-09-02T09:00:00',
    rrule: 'FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z',
    expected: ['1997-09-02T09:00:00-04:00', '1997-09-02T12:00:00-04:00'],
  },
  {
    name: 'Every 3 hours from 9:00 AM to 5:00 PM on a specific day (UNTIL 17:00 EDT = 21:00Z)',
    dtstart: '1997-09-02T09:00:00',
    rrule: 'FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T210000Z',
    expected: ['1997-09-02T09:00:00-04:00', '1997-09-02T12:00:00-04:00', '1997-09-02T15:00:00-04:00'],
  },
  {
    name: 'Every 15 minutes for 6 occurrences',
    dtstart: '1997-09-02T09:00:00',
    rrule: 'FREQ=MINUTELY;INTERVAL=15;COUNT=6',
    expected: ['09:00', '09:15', '09:30', '09:45', '10:00', '10:15'].map((t) => `1997-09-02T${t}:00${EDT}`),
  },
  {
    name: 'Every hour and a half for 4 occurrences',
    dtstart: '1997-09-02T09:00:00',
    rrule: 'FREQ=MINUTELY;INTERVAL=90;COUNT=4',
    expected: ['09:00', '10:30', '12:00', '13:30'].map((t) => `1997-09-02T${t}:00${EDT}`),
  },
  {
    name: 'Every 20 minutes from 9:00 AM to 4:40 PM every day (DAILY with BYHOUR and BYMINUTE)',
    dtstart: '1997-09-02T09:00:00',
    rrule: 'FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40',
    to: '1997-09-04T00:00:00-04:00',
    expected: [...everyTwentyMinutes('1997-09-02'), ...everyTwentyMinutes('1997-09-03')],
  },
  {
    name: 'Every 20 minutes from 9:00 AM to 4:40 PM every day (MINUTELY with BYHOUR)',
    dtstart: '1997-09-02T09:00:00',
    rrule: 'FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16',
    to: '1997-09-04T00:00:00-04:00',
    expected: [...everyTwentyMinutes('1997-09-02'), ...everyTwentyMinutes('1997-09-03')],
  },
  {
    name: 'An example where the days generated makes a difference because of WKST (WKST=MO)',
    dtstart: '1997-08-05T09:00:00',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO',
    expected: edt('1997-08', [5, 10, 19, 24]),
  },
  {
    name: 'An example where the days generated makes a difference because of WKST (WKST=SU)',
    dtstart: '1997-08-05T09:00:00',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU',
    expected: edt('1997-08', [5, 17, 19, 31]),
  },
  {
    name: 'An example where an invalid date (i.e., February 30) is ignored',
    dtstart: '2007-01-15T09:00:00',
    rrule: 'FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5',
    expected: [...est('2007-01', [15, 30]), ...est('2007-02', [15]), ...edt('2007-03', [15, 30])],
  },
];

function boundOf(example: RfcExample): Bound {
  if (example.to) return { to: example.to };
  const last = example.expected[example.expected.length - 1]!;
  // A year after the last occurrence: a COUNT or UNTIL that does not stop would show up here.
  return { to: new Date(Date.parse(last) + 366 * 86_400_000).toISOString() };
}

describe('RFC 5545 section 3.8.5.3 examples (DTSTART;TZID=America/New_York)', () => {
  it.each(examples)('$name', (example) => {
    const occurrences = expandRule(example.rrule, example.dtstart, NY, boundOf(example), example.extras);

    expect(occurrences.map(localWithOffset)).toEqual(example.expected);
    for (const occurrence of occurrences) {
      // The wall time, its offset and the instant agree; none of these times is near a DST change.
      expect(occurrence.startInstant).toBe(occurrence.start - occurrence.startOffset);
      expect(occurrence.flags).toEqual([]);
      expect(occurrence.recurrenceId).toBe(occurrence.start);
    }
  });
});

describe('RFC 5545 examples: instants across the 1997/1998 EDT/EST changes', () => {
  it('daily 09:00 keeps its wall time when EDT ends (Oct 26, 1997): 25 hours between the instants', () => {
    const occurrences = expandRule('FREQ=DAILY;UNTIL=19971224T000000Z', '1997-09-02T09:00:00', NY, {
      from: '1997-10-25T00:00:00Z',
      to: '1997-10-28T00:00:00Z',
    });

    expect(occurrences.map(utc)).toEqual([
      '1997-10-25T13:00:00Z',
      '1997-10-26T14:00:00Z',
      '1997-10-27T14:00:00Z',
    ]);
    expect(occurrences.map((o) => o.startOffset / 3_600_000)).toEqual([-4, -5, -5]);
    expect(occurrences[1]!.startInstant - occurrences[0]!.startInstant).toBe(25 * 3_600_000);
  });

  it('monthly on the first Friday crosses EST to EDT (Apr 5, 1998): 09:00 EST then 09:00 EDT', () => {
    const occurrences = expandRule('FREQ=MONTHLY;COUNT=10;BYDAY=1FR', '1997-09-05T09:00:00', NY, {
      from: '1998-04-01T00:00:00Z',
      to: '1998-06-01T00:00:00Z',
    });

    expect(occurrences.map(utc)).toEqual(['1998-04-03T14:00:00Z', '1998-05-01T13:00:00Z']);
  });

  it('weekly for 10: the 8th occurrence is EDT and the 9th EST', () => {
    const occurrences = expandRule('FREQ=WEEKLY;COUNT=10', '1997-09-02T09:00:00', NY, {
      to: '1998-01-01T00:00:00Z',
    });

    expect(occurrences.slice(7, 9).map(utc)).toEqual(['1997-10-21T13:00:00Z', '1997-10-28T14:00:00Z']);
    expect(formatOccurrence(occurrences[8]!).start).toEqual({
      local: '1997-10-28T09:00:00',
      offset: '-05:00',
      instant: '1997-10-28T14:00:00Z',
    });
  });

  it('every day in January for 3 years: UNTIL=20000131T140000Z is exactly the last start: included', () => {
    const occurrences = expandRule('FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1', '1998-01-01T09:00:00', NY, {
      to: '2001-01-01T00:00:00Z',
    });

    expect(occurrences).toHaveLength(93);
    expect(occurrences[92]!.startInstant).toBe(instant('2000-01-31T14:00:00Z'));
  });

  it('every day in January for 3 years: one second less in UNTIL leaves out January 31, 2000', () => {
    const occurrences = expandRule('FREQ=DAILY;UNTIL=20000131T135959Z;BYMONTH=1', '1998-01-01T09:00:00', NY, {
      to: '2001-01-01T00:00:00Z',
    });

    expect(occurrences).toHaveLength(92);
    expect(localWithOffset(occurrences[91]!)).toBe('2000-01-30T09:00:00-05:00');
  });

  it('every 3 hours: UNTIL=19970902T170000Z is 13:00 EDT, so 15:00 EDT (19:00Z) is not included', () => {
    const occurrences = expandRule(
      'FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z',
      '1997-09-02T09:00:00',
      NY,
      { to: '1997-09-03T00:00:00Z' },
    );

    expect(occurrences.map(utc)).toEqual(['1997-09-02T13:00:00Z', '1997-09-02T16:00:00Z']);
  });

  it('every third year on days 1, 100, 200: EST in January, EDT in April and July', () => {
    const occurrences = expandRule(
      'FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200',
      '1997-01-01T09:00:00',
      NY,
      { to: '1998-01-01T00:00:00Z' },
    );

    expect(occurrences.map(utc)).toEqual([
      '1997-01-01T14:00:00Z',
      '1997-04-10T13:00:00Z',
      '1997-07-19T13:00:00Z',
    ]);
  });
});

describe('RFC 5545 examples: forever rules read in bounded windows', () => {
  it('every other day, first 10 occurrences (limit), with more in the window', () => {
    const occurrences = expandRule('FREQ=DAILY;INTERVAL=2', '1997-09-02T09:00:00', NY, { first: 10 });

    expect(occurrences.map(localWithOffset)).toEqual(edt('1997-09', range(2, 20, 2)));
  });

  it('every other day: a limit that cuts the window short says so (truncated)', () => {
    const series = { rrule: 'FREQ=DAILY;INTERVAL=2', dtstart: '1997-09-02T09:00:00', timeZone: NY };
    const window = { from: instant('1997-09-01T00:00:00Z'), to: instant('1998-01-01T00:00:00Z') };

    expect(expandSeries(series, { ...window, limit: 10 })).toMatchObject({ truncated: true });
    expect(expandSeries(series, { ...window, limit: 10 }).occurrences).toHaveLength(10);
    expect(expandSeries(series, { ...window, limit: 61 })).toMatchObject({ truncated: false });
    expect(expandSeries(series, { ...window, limit: 61 }).occurrences).toHaveLength(61);
  });

  it('every other week, a window that starts later than DTSTART keeps the INTERVAL phase', () => {
    const occurrences = expandRule('FREQ=WEEKLY;INTERVAL=2;WKST=SU', '1997-09-02T09:00:00', NY, {
      from: '1998-01-01T00:00:00Z',
      to: '1998-02-18T00:00:00Z',
    });

    expect(occurrences.map(localWithOffset)).toEqual([
      ...est('1998-01', [6, 20]),
      ...est('1998-02', [3, 17]),
    ]);
  });

  it('monthly on the first Friday for 10: a window after the 10th is empty (COUNT from DTSTART)', () => {
    const occurrences = expandRule('FREQ=MONTHLY;COUNT=10;BYDAY=1FR', '1997-09-05T09:00:00', NY, {
      from: '1998-06-06T00:00:00Z',
      to: '2000-01-01T00:00:00Z',
    });

    expect(occurrences).toEqual([]);
  });
});
