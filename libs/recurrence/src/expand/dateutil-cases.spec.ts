// Cases from python-dateutil's rrule test suite (tests/test_rrule.py): same rule, same DTSTART
// (1997-09-02 09:00, floating there), same expected dates. Run in UTC and in Asia/Shanghai (no DST since
// 1991), where local wall time and expansion coincide with dateutil's floating results.
//
// Left out: dateutil extensions and combinations RFC 5545 forbids (BYEASTER; BYYEARDAY or BYWEEKNO with
// DAILY/WEEKLY/MONTHLY; BYWEEKNO with HOURLY; BYMONTHDAY with WEEKLY; BYDAY ordinals with DAILY/WEEKLY).
// The rule parser rejects those (see rule-parser.spec.ts).
//
// dateutil semantics kept as-is: a DTSTART that does not match the rule is not an occurrence and is not
// counted by COUNT (RFC 5545 calls such a set "undefined"). Those cases are marked in their names.
import { aYearAfter, expandRule, local, zonedInstant } from '../testing/expansion-helpers';

interface DateutilCase {
  name: string;
  rrule: string;
  /** Default 1997-09-02T09:00:00. */
  dtstart?: string;
  expected: string[];
}

const DTSTART = '1997-09-02T09:00:00';
const HOUR = 3_600_000;

const cases: DateutilCase[] = [
  // Yearly
  {
    name: 'testYearly',
    rrule: 'FREQ=YEARLY;COUNT=3',
    expected: ['1997-09-02T09:00:00', '1998-09-02T09:00:00', '1999-09-02T09:00:00'],
  },
  {
    name: 'testYearlyInterval',
    rrule: 'FREQ=YEARLY;COUNT=3;INTERVAL=2',
    expected: ['1997-09-02T09:00:00', '1999-09-02T09:00:00', '2001-09-02T09:00:00'],
  },
  {
    name: 'testYearlyIntervalLarge',
    rrule: 'FREQ=YEARLY;COUNT=3;INTERVAL=100',
    expected: ['1997-09-02T09:00:00', '2097-09-02T09:00:00', '2197-09-02T09:00:00'],
  },
  {
    name: 'testYearlyByMonth',
    rrule: 'FREQ=YEARLY;COUNT=3;BYMONTH=1,3',
    expected: ['1998-01-02T09:00:00', '1998-03-02T09:00:00', '1999-01-02T09:00:00'],
  },
  {
    name: 'testYearlyByMonthDay',
    rrule: 'FREQ=YEARLY;COUNT=3;BYMONTHDAY=1,3',
    expected: ['1997-09-03T09:00:00', '1997-10-01T09:00:00', '1997-10-03T09:00:00'],
  },
  {
    name: 'testYearlyByMonthAndMonthDay',
    rrule: 'FREQ=YEARLY;COUNT=3;BYMONTH=1,3;BYMONTHDAY=5,7',
    expected: ['1998-01-05T09:00:00', '1998-01-07T09:00:00', '1998-03-05T09:00:00'],
  },
  {
    name: 'testYearlyByWeekDay',
    rrule: 'FREQ=YEARLY;COUNT=3;BYDAY=TU,TH',
    expected: ['1997-09-02T09:00:00', '1997-09-04T09:00:00', '1997-09-09T09:00:00'],
  },
  {
    name: 'testYearlyByNWeekDay',
    rrule: 'FREQ=YEARLY;COUNT=3;BYDAY=1TU,-1TH',
    expected: ['1997-12-25T09:00:00', '1998-01-06T09:00:00', '1998-12-31T09:00:00'],
  },
  {
    name: 'testYearlyByNWeekDayLarge',
    rrule: 'FREQ=YEARLY;COUNT=3;BYDAY=3TU,-3TH',
    expected: ['1997-12-11T09:00:00', '1998-01-20T09:00:00', '1998-12-17T09:00:00'],
  },
  {
    name: 'testYearlyByMonthAndWeekDay',
    rrule: 'FREQ=YEARLY;COUNT=3;BYMONTH=1,3;BYDAY=TU,TH',
    expected: ['1998-01-01T09:00:00', '1998-01-06T09:00:00', '1998-01-08T09:00:00'],
  },
  {
    name: 'testYearlyByMonthAndNWeekDay',
    rrule: 'FREQ=YEARLY;COUNT=3;BYMONTH=1,3;BYDAY=1TU,-1TH',
    expected: ['1998-01-06T09:00:00', '1998-01-29T09:00:00', '1998-03-03T09:00:00'],
  },
  {
    name: 'testYearlyByMonthAndNWeekDayLarge',
    rrule: 'FREQ=YEARLY;COUNT=3;BYMONTH=1,3;BYDAY=3TU,-3TH',
    expected: ['1998-01-15T09:00:00', '1998-01-20T09:00:00', '1998-03-12T09:00:00'],
  },
  {
    name: 'testYearlyByMonthDayAndWeekDay',
    rrule: 'FREQ=YEARLY;COUNT=3;BYMONTHDAY=1,3;BYDAY=TU,TH',
    expected: ['1998-01-01T09:00:00', '1998-02-03T09:00:00', '1998-03-03T09:00:00'],
  },
  {
    name: 'testYearlyByMonthAndMonthDayAndWeekDay',
    rrule: 'FREQ=YEARLY;COUNT=3;BYMONTH=1,3;BYMONTHDAY=1,3;BYDAY=TU,TH',
    expected: ['1998-01-01T09:00:00', '1998-03-03T09:00:00', '2001-03-01T09:00:00'],
  },
  {
    name: 'testYearlyByYearDay',
    rrule: 'FREQ=YEARLY;COUNT=4;BYYEARDAY=1,100,200,365',
    expected: ['1997-12-31T09:00:00', '1998-01-01T09:00:00', '1998-04-10T09:00:00', '1998-07-19T09:00:00'],
  },
  {
    name: 'testYearlyByYearDayNeg',
    rrule: 'FREQ=YEARLY;COUNT=4;BYYEARDAY=-365,-266,-166,-1',
    expected: ['1997-12-31T09:00:00', '1998-01-01T09:00:00', '1998-04-10T09:00:00', '1998-07-19T09:00:00'],
  },
  {
    name: 'testYearlyByMonthAndYearDay',
    rrule: 'FREQ=YEARLY;COUNT=4;BYMONTH=4,7;BYYEARDAY=1,100,200,365',
    expected: ['1998-04-10T09:00:00', '1998-07-19T09:00:00', '1999-04-10T09:00:00', '1999-07-19T09:00:00'],
  },
  {
    name: 'testYearlyByMonthAndYearDayNeg',
    rrule: 'FREQ=YEARLY;COUNT=4;BYMONTH=4,7;BYYEARDAY=-365,-266,-166,-1',
    expected: ['1998-04-10T09:00:00', '1998-07-19T09:00:00', '1999-04-10T09:00:00', '1999-07-19T09:00:00'],
  },
  {
    name: 'testYearlyByWeekNo',
    rrule: 'FREQ=YEARLY;COUNT=3;BYWEEKNO=20',
    expected: ['1998-05-11T09:00:00', '1998-05-12T09:00:00', '1998-05-13T09:00:00'],
  },
  {
    name: 'testYearlyByWeekNoAndWeekDay',
    rrule: 'FREQ=YEARLY;COUNT=3;BYWEEKNO=1;BYDAY=MO',
    expected: ['1997-12-29T09:00:00', '1999-01-04T09:00:00', '2000-01-03T09:00:00'],
  },
  {
    name: 'testYearlyByWeekNoAndWeekDayLarge',
    rrule: 'FREQ=YEARLY;COUNT=3;BYWEEKNO=52;BYDAY=SU',
    expected: ['1997-12-28T09:00:00', '1998-12-27T09:00:00', '2000-01-02T09:00:00'],
  },
  {
    name: 'testYearlyByWeekNoAndWeekDayLast',
    rrule: 'FREQ=YEARLY;COUNT=3;BYWEEKNO=-1;BYDAY=SU',
    expected: ['1997-12-28T09:00:00', '1999-01-03T09:00:00', '2000-01-02T09:00:00'],
  },
  {
    name: 'testYearlyByWeekNoAndWeekDay53',
    rrule: 'FREQ=YEARLY;COUNT=3;BYWEEKNO=53;BYDAY=MO',
    expected: ['1998-12-28T09:00:00', '2004-12-27T09:00:00', '2009-12-28T09:00:00'],
  },
  {
    name: 'testYearlyByHour',
    rrule: 'FREQ=YEARLY;COUNT=3;BYHOUR=6,18',
    expected: ['1997-09-02T18:00:00', '1998-09-02T06:00:00', '1998-09-02T18:00:00'],
  },
  {
    name: 'testYearlyByMinute',
    rrule: 'FREQ=YEARLY;COUNT=3;BYMINUTE=6,18',
    expected: ['1997-09-02T09:06:00', '1997-09-02T09:18:00', '1998-09-02T09:06:00'],
  },
  {
    name: 'testYearlyBySecond',
    rrule: 'FREQ=YEARLY;COUNT=3;BYSECOND=6,18',
    expected: ['1997-09-02T09:00:06', '1997-09-02T09:00:18', '1998-09-02T09:00:06'],
  },
  {
    name: 'testYearlyByHourAndMinute',
    rrule: 'FREQ=YEARLY;COUNT=3;BYHOUR=6,18;BYMINUTE=6,18',
    expected: ['1997-09-02T18:06:00', '1997-09-02T18:18:00', '1998-09-02T06:06:00'],
  },
  {
    name: 'testYearlyByHourAndMinuteAndSecond',
    rrule: 'FREQ=YEARLY;COUNT=3;BYHOUR=6,18;BYMINUTE=6,18;BYSECOND=6,18',
    expected: ['1997-09-02T18:06:06', '1997-09-02T18:06:18', '1997-09-02T18:18:06'],
  },
  {
    name: 'testYearlyBySetPos',
    rrule: 'FREQ=YEARLY;COUNT=3;BYMONTHDAY=15;BYHOUR=6,18;BYSETPOS=3,-3',
    expected: ['1997-11-15T18:00:00', '1998-02-15T06:00:00', '1998-11-15T18:00:00'],
  },
  {
    name: 'testYearlyByWeekNoAndWeekDay with WKST=SU (week 1 of 1998 starts on Sunday, January 4)',
    rrule: 'FREQ=YEARLY;COUNT=3;BYWEEKNO=1;BYDAY=MO;WKST=SU',
    expected: ['1998-01-05T09:00:00', '1999-01-04T09:00:00', '2000-01-03T09:00:00'],
  },
  // Monthly
  {
    name: 'testMonthly',
    rrule: 'FREQ=MONTHLY;COUNT=3',
    expected: ['1997-09-02T09:00:00', '1997-10-02T09:00:00', '1997-11-02T09:00:00'],
  },
  {
    name: 'testMonthlyInterval',
    rrule: 'FREQ=MONTHLY;COUNT=3;INTERVAL=2',
    expected: ['1997-09-02T09:00:00', '1997-11-02T09:00:00', '1998-01-02T09:00:00'],
  },
  {
    name: 'testMonthlyIntervalLarge',
    rrule: 'FREQ=MONTHLY;COUNT=3;INTERVAL=18',
    expected: ['1997-09-02T09:00:00', '1999-03-02T09:00:00', '2000-09-02T09:00:00'],
  },
  {
    name: 'testMonthlyByMonth',
    rrule: 'FREQ=MONTHLY;COUNT=3;BYMONTH=1,3',
    expected: ['1998-01-02T09:00:00', '1998-03-02T09:00:00', '1999-01-02T09:00:00'],
  },
  {
    name: 'testMonthlyByMonthDay',
    rrule: 'FREQ=MONTHLY;COUNT=3;BYMONTHDAY=1,3',
    expected: ['1997-09-03T09:00:00', '1997-10-01T09:00:00', '1997-10-03T09:00:00'],
  },
  {
    name: 'testMonthlyByMonthAndMonthDay',
    rrule: 'FREQ=MONTHLY;COUNT=3;BYMONTH=1,3;BYMONTHDAY=5,7',
    expected: ['1998-01-05T09:00:00', '1998-01-07T09:00:00', '1998-03-05T09:00:00'],
  },
  {
    name: 'testMonthlyByWeekDay',
    rrule: 'FREQ=MONTHLY;COUNT=3;BYDAY=TU,TH',
    expected: ['1997-09-02T09:00:00', '1997-09-04T09:00:00', '1997-09-09T09:00:00'],
  },
  {
    name: 'testMonthlyByNWeekDay',
    rrule: 'FREQ=MONTHLY;COUNT=3;BYDAY=1TU,-1TH',
    expected: ['1997-09-02T09:00:00', '1997-09-25T09:00:00', '1997-10-07T09:00:00'],
  },
  {
    name: 'testMonthlyByNWeekDayLarge',
    rrule: 'FREQ=MONTHLY;COUNT=3;BYDAY=3TU,-3TH',
    expected: ['1997-09-11T09:00:00', '1997-09-16T09:00:00', '1997-10-16T09:00:00'],
  },
  {
    name: 'testMonthlyByMonthAndWeekDay',
    rrule: 'FREQ=MONTHLY;COUNT=3;BYMONTH=1,3;BYDAY=TU,TH',
    expected: ['1998-01-01T09:00:00', '1998-01-06T09:00:00', '1998-01-08T09:00:00'],
  },
  {
    name: 'testMonthlyByMonthAndNWeekDay',
    rrule: 'FREQ=MONTHLY;COUNT=3;BYMONTH=1,3;BYDAY=1TU,-1TH',
    expected: ['1998-01-06T09:00:00', '1998-01-29T09:00:00', '1998-03-03T09:00:00'],
  },
  {
    name: 'testMonthlyByMonthAndNWeekDayLarge',
    rrule: 'FREQ=MONTHLY;COUNT=3;BYMONTH=1,3;BYDAY=3TU,-3TH',
    expected: ['1998-01-15T09:00:00', '1998-01-20T09:00:00', '1998-03-12T09:00:00'],
  },
  {
    name: 'testMonthlyByMonthDayAndWeekDay',
    rrule: 'FREQ=MONTHLY;COUNT=3;BYMONTHDAY=1,3;BYDAY=TU,TH',
    expected: ['1998-01-01T09:00:00', '1998-02-03T09:00:00', '1998-03-03T09:00:00'],
  },
  {
    name: 'testMonthlyByMonthAndMonthDayAndWeekDay',
    rrule: 'FREQ=MONTHLY;COUNT=3;BYMONTH=1,3;BYMONTHDAY=1,3;BYDAY=TU,TH',
    expected: ['1998-01-01T09:00:00', '1998-03-03T09:00:00', '2001-03-01T09:00:00'],
  },
  {
    name: 'testMonthlyByHour',
    rrule: 'FREQ=MONTHLY;COUNT=3;BYHOUR=6,18',
    expected: ['1997-09-02T18:00:00', '1997-10-02T06:00:00', '1997-10-02T18:00:00'],
  },
  {
    name: 'testMonthlyByMinute',
    rrule: 'FREQ=MONTHLY;COUNT=3;BYMINUTE=6,18',
    expected: ['1997-09-02T09:06:00', '1997-09-02T09:18:00', '1997-10-02T09:06:00'],
  },
  {
    name: 'testMonthlyBySecond',
    rrule: 'FREQ=MONTHLY;COUNT=3;BYSECOND=6,18',
    expected: ['1997-09-02T09:00:06', '1997-09-02T09:00:18', '1997-10-02T09:00:06'],
  },
  {
    name: 'testMonthlyByHourAndMinuteAndSecond',
    rrule: 'FREQ=MONTHLY;COUNT=3;BYHOUR=6,18;BYMINUTE=6,18;BYSECOND=6,18',
    expected: ['1997-09-02T18:06:06', '1997-09-02T18:06:18', '1997-09-02T18:18:06'],
  },
  {
    name: 'testMonthlyBySetPos',
    rrule: 'FREQ=MONTHLY;COUNT=3;BYMONTHDAY=13,17;BYHOUR=6,18;BYSETPOS=3,-3',
    expected: ['1997-09-13T18:00:00', '1997-09-17T06:00:00', '1997-10-13T18:00:00'],
  },
  {
    name: 'testMonthlyNegByMonthDayJanFebForNonLeapYear',
    rrule: 'FREQ=MONTHLY;COUNT=4;BYMONTHDAY=-1',
    dtstart: '2013-12-31T09:00:00',
    expected: ['2013-12-31T09:00:00', '2014-01-31T09:00:00', '2014-02-28T09:00:00', '2014-03-31T09:00:00'],
  },
  {
    name: 'testMonthlyNegByMonthDayJanFebForLeapYear',
    rrule: 'FREQ=MONTHLY;COUNT=4;BYMONTHDAY=-1',
    dtstart: '2015-12-31T09:00:00',
    expected: ['2015-12-31T09:00:00', '2016-01-31T09:00:00', '2016-02-29T09:00:00', '2016-03-31T09:00:00'],
  },
  // Weekly
  {
    name: 'testWeekly',
    rrule: 'FREQ=WEEKLY;COUNT=3',
    expected: ['1997-09-02T09:00:00', '1997-09-09T09:00:00', '1997-09-16T09:00:00'],
  },
  {
    name: 'testWeeklyInterval',
    rrule: 'FREQ=WEEKLY;COUNT=3;INTERVAL=2',
    expected: ['1997-09-02T09:00:00', '1997-09-16T09:00:00', '1997-09-30T09:00:00'],
  },
  {
    name: 'testWeeklyIntervalLarge',
    rrule: 'FREQ=WEEKLY;COUNT=3;INTERVAL=20',
    expected: ['1997-09-02T09:00:00', '1998-01-20T09:00:00', '1998-06-09T09:00:00'],
  },
  {
    name: 'testWeeklyByMonth',
    rrule: 'FREQ=WEEKLY;COUNT=3;BYMONTH=1,3',
    expected: ['1998-01-06T09:00:00', '1998-01-13T09:00:00', '1998-01-20T09:00:00'],
  },
  {
    name: 'testWeeklyByWeekDay',
    rrule: 'FREQ=WEEKLY;COUNT=3;BYDAY=TU,TH',
    expected: ['1997-09-02T09:00:00', '1997-09-04T09:00:00', '1997-09-09T09:00:00'],
  },
  {
    name: 'testWeeklyByMonthAndWeekDay',
    rrule: 'FREQ=WEEKLY;COUNT=3;BYMONTH=1,3;BYDAY=TU,TH',
    expected: ['1998-01-01T09:00:00', '1998-01-06T09:00:00', '1998-01-08T09:00:00'],
  },
  {
    name: 'testWeeklyByHour',
    rrule: 'FREQ=WEEKLY;COUNT=3;BYHOUR=6,18',
    expected: ['1997-09-02T18:00:00', '1997-09-09T06:00:00', '1997-09-09T18:00:00'],
  },
  {
    name: 'testWeeklyByMinute',
    rrule: 'FREQ=WEEKLY;COUNT=3;BYMINUTE=6,18',
    expected: ['1997-09-02T09:06:00', '1997-09-02T09:18:00', '1997-09-09T09:06:00'],
  },
  {
    name: 'testWeeklyBySecond',
    rrule: 'FREQ=WEEKLY;COUNT=3;BYSECOND=6,18',
    expected: ['1997-09-02T09:00:06', '1997-09-02T09:00:18', '1997-09-09T09:00:06'],
  },
  {
    name: 'testWeeklyByHourAndMinuteAndSecond',
    rrule: 'FREQ=WEEKLY;COUNT=3;BYHOUR=6,18;BYMINUTE=6,18;BYSECOND=6,18',
    expected: ['1997-09-02T18:06:06', '1997-09-02T18:06:18', '1997-09-02T18:18:06'],
  },
  {
    name: 'testWeeklyBySetPos',
    rrule: 'FREQ=WEEKLY;COUNT=3;BYDAY=TU,TH;BYHOUR=6,18;BYSETPOS=3,-3',
    expected: ['1997-09-02T18:00:00', '1997-09-04T06:00:00', '1997-09-09T18:00:00'],
  },
  // Daily
  {
    name: 'testDaily',
    rrule: 'FREQ=DAILY;COUNT=3',
    expected: ['1997-09-02T09:00:00', '1997-09-03T09:00:00', '1997-09-04T09:00:00'],
  },
  {
    name: 'testDailyInterval',
    rrule: 'FREQ=DAILY;COUNT=3;INTERVAL=2',
    expected: ['1997-09-02T09:00:00', '1997-09-04T09:00:00', '1997-09-06T09:00:00'],
  },
  {
    name: 'testDailyIntervalLarge',
    rrule: 'FREQ=DAILY;COUNT=3;INTERVAL=92',
    expected: ['1997-09-02T09:00:00', '1997-12-03T09:00:00', '1998-03-05T09:00:00'],
  },
  {
    name: 'testDailyByMonth',
    rrule: 'FREQ=DAILY;COUNT=3;BYMONTH=1,3',
    expected: ['1998-01-01T09:00:00', '1998-01-02T09:00:00', '1998-01-03T09:00:00'],
  },
  {
    name: 'testDailyByMonthDay',
    rrule: 'FREQ=DAILY;COUNT=3;BYMONTHDAY=1,3',
    expected: ['1997-09-03T09:00:00', '1997-10-01T09:00:00', '1997-10-03T09:00:00'],
  },
  {
    name: 'testDailyByMonthAndMonthDay',
    rrule: 'FREQ=DAILY;COUNT=3;BYMONTH=1,3;BYMONTHDAY=5,7',
    expected: ['1998-01-05T09:00:00', '1998-01-07T09:00:00', '1998-03-05T09:00:00'],
  },
  {
    name: 'testDailyByWeekDay',
    rrule: 'FREQ=DAILY;COUNT=3;BYDAY=TU,TH',
    expected: ['1997-09-02T09:00:00', '1997-09-04T09:00:00', '1997-09-09T09:00:00'],
  },
  {
    name: 'testDailyByMonthAndWeekDay',
    rrule: 'FREQ=DAILY;COUNT=3;BYMONTH=1,3;BYDAY=TU,TH',
    expected: ['1998-01-01T09:00:00', '1998-01-06T09:00:00', '1998-01-08T09:00:00'],
  },
  {
    name: 'testDailyByMonthDayAndWeekDay',
    rrule: 'FREQ=DAILY;COUNT=3;BYMONTHDAY=1,3;BYDAY=TU,TH',
    expected: ['1998-01-01T09:00:00', '1998-02-03T09:00:00', '1998-03-03T09:00:00'],
  },
  {
    name: 'testDailyByMonthAndMonthDayAndWeekDay',
    rrule: 'FREQ=DAILY;COUNT=3;BYMONTH=1,3;BYMONTHDAY=1,3;BYDAY=TU,TH',
    expected: ['1998-01-01T09:00:00', '1998-03-03T09:00:00', '2001-03-01T09:00:00'],
  },
  {
    name: 'testDailyByHour',
    rrule: 'FREQ=DAILY;COUNT=3;BYHOUR=6,18',
    expected: ['1997-09-02T18:00:00', '1997-09-03T06:00:00', '1997-09-03T18:00:00'],
  },
  {
    name: 'testDailyByMinute',
    rrule: 'FREQ=DAILY;COUNT=3;BYMINUTE=6,18',
    expected: ['1997-09-02T09:06:00', '1997-09-02T09:18:00', '1997-09-03T09:06:00'],
  },
  {
    name: 'testDailyBySecond',
    rrule: 'FREQ=DAILY;COUNT=3;BYSECOND=6,18',
    expected: ['1997-09-02T09:00:06', '1997-09-02T09:00:18', '1997-09-03T09:00:06'],
  },
  {
    name: 'testDailyByHourAndMinuteAndSecond',
    rrule: 'FREQ=DAILY;COUNT=3;BYHOUR=6,18;BYMINUTE=6,18;BYSECOND=6,18',
    expected: ['1997-09-02T18:06:06', '1997-09-02T18:06:18', '1997-09-02T18:18:06'],
  },
  {
    name: 'testDailyBySetPos',
    rrule: 'FREQ=DAILY;COUNT=3;BYHOUR=6,18;BYMINUTE=15,45;BYSETPOS=3,-3',
    expected: ['1997-09-02T18:15:00', '1997-09-03T06:45:00', '1997-09-03T18:15:00'],
  },
  // Hourly
  {
    name: 'testHourly',
    rrule: 'FREQ=HOURLY;COUNT=3',
    expected: ['1997-09-02T09:00:00', '1997-09-02T10:00:00', '1997-09-02T11:00:00'],
  },
  {
    name: 'testHourlyInterval',
    rrule: 'FREQ=HOURLY;COUNT=3;INTERVAL=2',
    expected: ['1997-09-02T09:00:00', '1997-09-02T11:00:00', '1997-09-02T13:00:00'],
  },
  {
    name: 'testHourlyIntervalLarge',
    rrule: 'FREQ=HOURLY;COUNT=3;INTERVAL=769',
    expected: ['1997-09-02T09:00:00', '1997-10-04T10:00:00', '1997-11-05T11:00:00'],
  },
  {
    name: 'testHourlyByMonth',
    rrule: 'FREQ=HOURLY;COUNT=3;BYMONTH=1,3',
    expected: ['1998-01-01T00:00:00', '1998-01-01T01:00:00', '1998-01-01T02:00:00'],
  },
  {
    name: 'testHourlyByMonthDay',
    rrule: 'FREQ=HOURLY;COUNT=3;BYMONTHDAY=1,3',
    expected: ['1997-09-03T00:00:00', '1997-09-03T01:00:00', '1997-09-03T02:00:00'],
  },
  {
    name: 'testHourlyByWeekDay',
    rrule: 'FREQ=HOURLY;COUNT=3;BYDAY=TU,TH',
    expected: ['1997-09-02T09:00:00', '1997-09-02T10:00:00', '1997-09-02T11:00:00'],
  },
  {
    name: 'testHourlyByYearDay',
    rrule: 'FREQ=HOURLY;COUNT=4;BYYEARDAY=1,100,200,365',
    expected: ['1997-12-31T00:00:00', '1997-12-31T01:00:00', '1997-12-31T02:00:00', '1997-12-31T03:00:00'],
  },
  {
    name: 'testHourlyByYearDayNeg',
    rrule: 'FREQ=HOURLY;COUNT=4;BYYEARDAY=-365,-266,-166,-1',
    expected: ['1997-12-31T00:00:00', '1997-12-31T01:00:00', '1997-12-31T02:00:00', '1997-12-31T03:00:00'],
  },
  {
    name: 'testHourlyByHour',
    rrule: 'FREQ=HOURLY;COUNT=3;BYHOUR=6,18',
    expected: ['1997-09-02T18:00:00', '1997-09-03T06:00:00', '1997-09-03T18:00:00'],
  },
  {
    name: 'testHourlyByMinute',
    rrule: 'FREQ=HOURLY;COUNT=3;BYMINUTE=6,18',
    expected: ['1997-09-02T09:06:00', '1997-09-02T09:18:00', '1997-09-02T10:06:00'],
  },
  {
    name: 'testHourlyBySecond',
    rrule: 'FREQ=HOURLY;COUNT=3;BYSECOND=6,18',
    expected: ['1997-09-02T09:00:06', '1997-09-02T09:00:18', '1997-09-02T10:00:06'],
  },
  {
    name: 'testHourlyByHourAndMinuteAndSecond',
    rrule: 'FREQ=HOURLY;COUNT=3;BYHOUR=6,18;BYMINUTE=6,18;BYSECOND=6,18',
    expected: ['1997-09-02T18:06:06', '1997-09-02T18:06:18', '1997-09-02T18:18:06'],
  },
  {
    name: 'testHourlyBySetPos',
    rrule: 'FREQ=HOURLY;COUNT=3;BYMINUTE=15,45;BYSECOND=15,45;BYSETPOS=3,-3',
    expected: ['1997-09-02T09:15:45', '1997-09-02T09:45:15', '1997-09-02T10:15:45'],
  },
  // Minutely
  {
    name: 'testMinutely',
    rrule: 'FREQ=MINUTELY;COUNT=3',
    expected: ['1997-09-02T09:00:00', '1997-09-02T09:01:00', '1997-09-02T09:02:00'],
  },
  {
    name: 'testMinutelyInterval',
    rrule: 'FREQ=MINUTELY;COUNT=3;INTERVAL=2',
    expected: ['1997-09-02T09:00:00', '1997-09-02T09:02:00', '1997-09-02T09:04:00'],
  },
  {
    name: 'testMinutelyIntervalLarge',
    rrule: 'FREQ=MINUTELY;COUNT=3;INTERVAL=1501',
    expected: ['1997-09-02T09:00:00', '1997-09-03T10:01:00', '1997-09-04T11:02:00'],
  },
  {
    name: 'testMinutelyByMonth',
    rrule: 'FREQ=MINUTELY;COUNT=3;BYMONTH=1,3',
    expected: ['1998-01-01T00:00:00', '1998-01-01T00:01:00', '1998-01-01T00:02:00'],
  },
  {
    name: 'testMinutelyByMonthDay',
    rrule: 'FREQ=MINUTELY;COUNT=3;BYMONTHDAY=1,3',
    expected: ['1997-09-03T00:00:00', '1997-09-03T00:01:00', '1997-09-03T00:02:00'],
  },
  {
    name: 'testMinutelyByWeekDay',
    rrule: 'FREQ=MINUTELY;COUNT=3;BYDAY=TU,TH',
    expected: ['1997-09-02T09:00:00', '1997-09-02T09:01:00', '1997-09-02T09:02:00'],
  },
  {
    name: 'testMinutelyByHour',
    rrule: 'FREQ=MINUTELY;COUNT=3;BYHOUR=6,18',
    expected: ['1997-09-02T18:00:00', '1997-09-02T18:01:00', '1997-09-02T18:02:00'],
  },
  {
    name: 'testMinutelyByMinute',
    rrule: 'FREQ=MINUTELY;COUNT=3;BYMINUTE=6,18',
    expected: ['1997-09-02T09:06:00', '1997-09-02T09:18:00', '1997-09-02T10:06:00'],
  },
  {
    name: 'testMinutelyBySecond',
    rrule: 'FREQ=MINUTELY;COUNT=3;BYSECOND=6,18',
    expected: ['1997-09-02T09:00:06', '1997-09-02T09:00:18', '1997-09-02T09:01:06'],
  },
  {
    name: 'testMinutelyByHourAndMinuteAndSecond',
    rrule: 'FREQ=MINUTELY;COUNT=3;BYHOUR=6,18;BYMINUTE=6,18;BYSECOND=6,18',
    expected: ['1997-09-02T18:06:06', '1997-09-02T18:06:18', '1997-09-02T18:18:06'],
  },
  {
    name: 'testMinutelyBySetPos',
    rrule: 'FREQ=MINUTELY;COUNT=3;BYSECOND=15,30,45;BYSETPOS=3,-3',
    expected: ['1997-09-02T09:00:15', '1997-09-02T09:00:45', '1997-09-02T09:01:15'],
  },
  // Secondly
  {
    name: 'testSecondly',
    rrule: 'FREQ=SECONDLY;COUNT=3',
    expected: ['1997-09-02T09:00:00', '1997-09-02T09:00:01', '1997-09-02T09:00:02'],
  },
  {
    name: 'testSecondlyInterval',
    rrule: 'FREQ=SECONDLY;COUNT=3;INTERVAL=2',
    expected: ['1997-09-02T09:00:00', '1997-09-02T09:00:02', '1997-09-02T09:00:04'],
  },
  {
    name: 'testSecondlyIntervalLarge',
    rrule: 'FREQ=SECONDLY;COUNT=3;INTERVAL=90061',
    expected: ['1997-09-02T09:00:00', '1997-09-03T10:01:01', '1997-09-04T11:02:02'],
  },
  {
    name: 'testSecondlyByMonth',
    rrule: 'FREQ=SECONDLY;COUNT=3;BYMONTH=1,3',
    expected: ['1998-01-01T00:00:00', '1998-01-01T00:00:01', '1998-01-01T00:00:02'],
  },
  {
    name: 'testSecondlyByMonthDay',
    rrule: 'FREQ=SECONDLY;COUNT=3;BYMONTHDAY=1,3',
    expected: ['1997-09-03T00:00:00', '1997-09-03T00:00:01', '1997-09-03T00:00:02'],
  },
  {
    name: 'testSecondlyByWeekDay',
    rrule: 'FREQ=SECONDLY;COUNT=3;BYDAY=TU,TH',
    expected: ['1997-09-02T09:00:00', '1997-09-02T09:00:01', '1997-09-02T09:00:02'],
  },
  {
    name: 'testSecondlyByHour',
    rrule: 'FREQ=SECONDLY;COUNT=3;BYHOUR=6,18',
    expected: ['1997-09-02T18:00:00', '1997-09-02T18:00:01', '1997-09-02T18:00:02'],
  },
  {
    name: 'testSecondlyByMinute',
    rrule: 'FREQ=SECONDLY;COUNT=3;BYMINUTE=6,18',
    expected: ['1997-09-02T09:06:00', '1997-09-02T09:06:01', '1997-09-02T09:06:02'],
  },
  {
    name: 'testSecondlyBySecond',
    rrule: 'FREQ=SECONDLY;COUNT=3;BYSECOND=6,18',
    expected: ['1997-09-02T09:00:06', '1997-09-02T09:00:18', '1997-09-02T09:01:06'],
  },
  {
    name: 'testSecondlyByHourAndMinuteAndSecond',
    rrule: 'FREQ=SECONDLY;COUNT=3;BYHOUR=6,18;BYMINUTE=6,18;BYSECOND=6,18',
    expected: ['1997-09-02T18:06:06', '1997-09-02T18:06:18', '1997-09-02T18:18:06'],
  },
  // WkSt
  {
    name: 'testWkStIntervalMO',
    rrule: 'FREQ=WEEKLY;COUNT=3;INTERVAL=2;BYDAY=TU,SU;WKST=MO',
    expected: ['1997-09-02T09:00:00', '1997-09-07T09:00:00', '1997-09-16T09:00:00'],
  },
  {
    name: 'testWkStIntervalSU',
    rrule: 'FREQ=WEEKLY;COUNT=3;INTERVAL=2;BYDAY=TU,SU;WKST=SU',
    expected: ['1997-09-02T09:00:00', '1997-09-14T09:00:00', '1997-09-16T09:00:00'],
  },
];

/** The window end as an instant string for a local wall time in a zone. */
const zonedIso = (localTime: string, zone: string) => new Date(zonedInstant(localTime, zone)).toISOString();

/** RFC 5545 UTC form of the instant of a local wall time: 1997-09-05T08:00:00 in UTC is 19970905T080000Z. */
const untilUtc = (localTime: string, zone: string) =>
  new Date(zonedInstant(localTime, zone)).toISOString().replace(/[-:]/g, '').replace('.000', '');

/** dateutil's UNTIL cases: UNTIL given as a wall time there, here as the UTC instant of that wall time. */
const untilCases = [
  {
    name: 'testUntilNotMatching',
    until: '1997-09-05T08:00:00',
    expected: ['1997-09-02T09:00:00', '1997-09-03T09:00:00', '1997-09-04T09:00:00'],
  },
  {
    name: 'testUntilMatching',
    until: '1997-09-04T09:00:00',
    expected: ['1997-09-02T09:00:00', '1997-09-03T09:00:00', '1997-09-04T09:00:00'],
  },
  { name: 'testUntilSingle', until: '1997-09-02T09:00:00', expected: ['1997-09-02T09:00:00'] },
  { name: 'testUntilEmpty (UNTIL before DTSTART)', until: '1997-09-01T09:00:00', expected: [] },
];

const unsynchronised = (c: DateutilCase) => c.expected[0] !== (c.dtstart ?? DTSTART);
const titled = cases.map((c) => ({
  ...c,
  title: unsynchronised(c) ? `${c.name} (DTSTART does not match the rule: not an occurrence)` : c.name,
}));

describe.each(['UTC', 'Asia/Shanghai'])('python-dateutil rrule cases in %s', (zone) => {
  const offset = zone === 'UTC' ? 0 : 8 * HOUR;

  it.each(titled)('$title: $rrule', ({ rrule, dtstart = DTSTART, expected }) => {
    const to = zonedIso(aYearAfter(expected[expected.length - 1], dtstart).slice(0, 19), zone);
    const occurrences = expandRule(rrule, dtstart, zone, { to });

    expect(occurrences.map(local)).toEqual(expected);
    for (const occurrence of occurrences) {
      expect(occurrence.startOffset).toBe(offset);
      expect(occurrence.startInstant).toBe(occurrence.start - offset);
    }
  });

  it.each(untilCases)('$name', ({ until, expected }) => {
    const rrule = `FREQ=DAILY;UNTIL=${untilUtc(until, zone)}`;

    expect(
      expandRule(rrule, DTSTART, zone, { to: zonedIso('1997-10-01T00:00:00', zone) }).map(local),
    ).toEqual(expected);
  });

  it('testMonthlyByWeekDay, third Monday of the month between 1997-09-01 and 1997-12-01', () => {
    const occurrences = expandRule('FREQ=MONTHLY;BYDAY=+3MO', '1997-09-01T00:00:00', zone, {
      from: zonedIso('1997-09-01T00:00:00', zone),
      to: zonedIso('1997-12-01T00:00:00', zone),
    });

    expect(occurrences.map(local)).toEqual([
      '1997-09-15T00:00:00',
      '1997-10-20T00:00:00',
      '1997-11-17T00:00:00',
    ]);
  });
});
