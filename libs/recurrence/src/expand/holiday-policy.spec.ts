import { bundledChineseHolidays, withOverrides } from '../holidays/holiday-calendar';
import { RecurrenceError } from '../errors';
import { expandBetween, formatted, localStarts } from '../testing/expand-helpers';
import { formatLocal } from '../time/local-date-time';

const china = bundledChineseHolidays();
const weekdays = {
  rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
  dtstart: '2026-09-01T09:00:00',
  timeZone: 'Asia/Shanghai',
};
// 2026 National Day: 10-01..10-07 off; Sunday 09-20 and Saturday 10-10 are make-up workdays.
const AUTUMN = ['2026-09-14T00:00:00+08:00', '2026-10-17T00:00:00+08:00'] as const;

describe('China statutory holidays, 2026 National Day week', () => {
  it('ignore: the rule as written, holidays included', () => {
    const starts = localStarts({ ...weekdays, holidayPolicy: 'ignore' }, ...AUTUMN, china);
    expect(starts).toContain('2026-10-01T09:00:00');
    expect(starts).not.toContain('2026-10-10T09:00:00');
  });

  it('skip_holidays: no session on any day off, and the skipped list says which holiday', () => {
    const result = expandBetween({ ...weekdays, holidayPolicy: 'skip_holidays' }, ...AUTUMN, china);
    const starts = result.occurrences.map((o) => formatLocal(o.start));
    for (const day of ['01', '02', '05', '06', '07']) expect(starts).not.toContain(`2026-10-${day}T09:00:00`);
    expect(starts).toContain('2026-09-30T09:00:00');
    expect(starts).toContain('2026-10-08T09:00:00');
    expect(starts).not.toContain('2026-10-10T09:00:00');
    const national = result.skipped
      .filter((s) => s.holidayName === '国庆节')
      .map((s) => formatLocal(s.recurrenceId));
    expect(national).toEqual([
      '2026-10-01T09:00:00',
      '2026-10-02T09:00:00',
      '2026-10-05T09:00:00',
      '2026-10-06T09:00:00',
      '2026-10-07T09:00:00',
    ]);
    expect(result.skipped.every((s) => s.reason === 'statutory_holiday')).toBe(true);
  });

  it('skip_holidays_add_workdays: skips the week and holds sessions on Sunday 09-20 and Saturday 10-10', () => {
    const occurrences = formatted(
      expandBetween({ ...weekdays, holidayPolicy: 'skip_holidays_add_workdays' }, ...AUTUMN, china),
    );
    const makeUp = occurrences.filter((o) => o.flags.includes('makeup_workday'));
    expect(makeUp.map((o) => [o.start.local, o.holidayName])).toEqual([
      ['2026-09-20T09:00:00', '国庆节'],
      ['2026-10-10T09:00:00', '国庆节'],
    ]);
    expect(occurrences.map((o) => o.start.local)).not.toContain('2026-10-01T09:00:00');
  });

  it('skip_holidays_add_workdays refuses a rule that is not every weekday', () => {
    const fridays = {
      ...weekdays,
      rrule: 'FREQ=WEEKLY;BYDAY=FR',
      holidayPolicy: 'skip_holidays_add_workdays' as const,
    };
    expect(() => localStarts(fridays, ...AUTUMN, china)).toThrow(
      expect.objectContaining({ code: 'HOLIDAY_POLICY_NOT_APPLICABLE' }),
    );
  });

  it('move_to_next_workday: the Friday market on a holiday moves to the next working day', () => {
    const fridays = {
      rrule: 'FREQ=WEEKLY;BYDAY=FR',
      dtstart: '2026-09-04T09:00:00',
      timeZone: 'Asia/Shanghai',
      holidayPolicy: 'move_to_next_workday' as const,
    };
    const occurrences = formatted(expandBetween(fridays, ...AUTUMN, china));
    const moved = occurrences
      .filter((o) => o.flags.includes('moved_from_holiday'))
      .map((o) => [o.recurrenceId, o.start.local, o.holidayName]);
    expect(moved).toEqual([
      ['2026-09-25T09:00:00', '2026-09-28T09:00:00', '中秋'],
      ['2026-10-02T09:00:00', '2026-10-08T09:00:00', '国庆节'],
    ]);
  });

  it('move_to_next_workday into a day that already has a session merges it (one session, not two)', () => {
    const daily = { ...weekdays, holidayPolicy: 'move_to_next_workday' as const };
    const result = expandBetween(daily, ...AUTUMN, china);
    const starts = result.occurrences.map((o) => formatLocal(o.start));
    expect(starts.filter((s) => s === '2026-10-08T09:00:00')).toHaveLength(1);
    expect(result.skipped.some((s) => s.reason === 'merged_with_existing')).toBe(true);
  });

  it('flags occurrences in a year without official data, and stops flagging once the year is imported', () => {
    const spring = ['2027-01-04T00:00:00+08:00', '2027-01-09T00:00:00+08:00'] as const;
    const unknown = formatted(
      expandBetween({ ...weekdays, holidayPolicy: 'skip_holidays' }, ...spring, china),
    );
    expect(unknown).toHaveLength(5);
    expect(unknown.every((o) => o.flags.includes('holiday_data_missing'))).toBe(true);

    const imported = withOverrides(china, [{ date: '2027-01-05', kind: 'off', name: '测试假日' }], [2027]);
    const known = formatted(
      expandBetween({ ...weekdays, holidayPolicy: 'skip_holidays' }, ...spring, imported),
    );
    expect(known.map((o) => o.start.local)).not.toContain('2027-01-05T09:00:00');
    expect(known.some((o) => o.flags.includes('holiday_data_missing'))).toBe(false);
  });

  it('an organiser override beats the bundled data: a corrected day off, a removed one', () => {
    const corrected = withOverrides(china, [
      { date: '2026-10-01', kind: 'normal', name: '' },
      { date: '2026-09-30', kind: 'off', name: '社区活动日' },
    ]);
    const starts = localStarts({ ...weekdays, holidayPolicy: 'skip_holidays' }, ...AUTUMN, corrected);
    expect(starts).toContain('2026-10-01T09:00:00');
    expect(starts).not.toContain('2026-09-30T09:00:00');
  });

  it('Spring Festival 2026: nine days off skipped, make-up Saturdays 02-14 and 02-28 added', () => {
    const starts = localStarts(
      { ...weekdays, dtstart: '2026-02-02T09:00:00', holidayPolicy: 'skip_holidays_add_workdays' },
      '2026-02-09T00:00:00+08:00',
      '2026-03-01T00:00:00+08:00',
      china,
    );
    expect(starts).toEqual([
      '2026-02-09T09:00:00',
      '2026-02-10T09:00:00',
      '2026-02-11T09:00:00',
      '2026-02-12T09:00:00',
      '2026-02-13T09:00:00',
      '2026-02-14T09:00:00',
      '2026-02-24T09:00:00',
      '2026-02-25T09:00:00',
      '2026-02-26T09:00:00',
      '2026-02-27T09:00:00',
      '2026-02-28T09:00:00',
    ]);
  });

  it('policy errors are RecurrenceErrors with a code', () => {
    try {
      localStarts(
        { ...weekdays, rrule: 'FREQ=MONTHLY', holidayPolicy: 'skip_holidays_add_workdays' },
        ...AUTUMN,
        china,
      );
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(RecurrenceError);
    }
  });
});
