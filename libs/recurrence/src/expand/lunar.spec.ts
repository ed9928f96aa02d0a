import { expandBetween, formatted } from '../testing/expand-helpers';
import { lunarLabel } from './lunar';

const shanghai = (rrule: string, dtstart: string) => ({ rrule, dtstart, timeZone: 'Asia/Shanghai' });
const starts = (rrule: string, dtstart: string, from = '2020-01-01T00:00:00Z', to = '2030-01-01T00:00:00Z') =>
  formatted(expandBetween(shanghai(rrule, dtstart), from, to)).map(
    (o) => `${o.start.local.slice(0, 10)} ${o.lunar?.label}${o.flags.length ? ' ' + o.flags.join(',') : ''}`,
  );

describe('lunar (RSCALE=CHINESE) rules', () => {
  it('Double Ninth (重阳节) at 9:00 every year, including across leap-month years', () => {
    expect(starts('RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=9', '2020-10-25T09:00:00')).toEqual([
      '2020-10-25 九月初九',
      '2021-10-14 九月初九',
      '2022-10-04 九月初九',
      '2023-10-23 九月初九',
      '2024-10-11 九月初九',
      '2025-10-29 九月初九',
      '2026-10-18 九月初九',
      '2027-10-08 九月初九',
      '2028-10-26 九月初九',
      '2029-10-16 九月初九',
    ]);
  });

  it('takes month and day from DTSTART when the rule does not say', () => {
    expect(starts('RSCALE=CHINESE;FREQ=YEARLY;COUNT=3', '2026-10-18T09:00:00')).toEqual([
      '2026-10-18 九月初九',
      '2027-10-08 九月初九',
      '2028-10-26 九月初九',
    ]);
  });

  it('Dragon Boat (五月初五) in 2028, a year with a leap fifth month: once, not twice', () => {
    expect(
      starts(
        'RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=5',
        '2027-06-09T09:00:00',
        '2028-01-01T00:00:00Z',
        '2029-01-01T00:00:00Z',
      ),
    ).toEqual(['2028-05-28 五月初五']);
  });

  it('a leap month rule (5L) with SKIP=OMIT happens only in years that have it', () => {
    expect(
      starts(
        'RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=5L;BYMONTHDAY=5',
        '2028-06-27T09:00:00',
        '2027-01-01T00:00:00Z',
        '2037-01-01T00:00:00Z',
      ),
    ).toEqual(['2028-06-27 闰五月初五']);
  });

  it('5L with SKIP=BACKWARD falls back to the regular month; FORWARD to the next', () => {
    expect(
      starts(
        'RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=5L;BYMONTHDAY=5;SKIP=BACKWARD;COUNT=2',
        '2028-06-27T09:00:00',
        '2028-01-01T00:00:00Z',
        '2031-01-01T00:00:00Z',
      ),
    ).toEqual(['2028-06-27 闰五月初五', '2029-06-16 五月初五 lunar_date_adjusted']);
    expect(
      starts(
        'RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=5L;BYMONTHDAY=5;SKIP=FORWARD;COUNT=2',
        '2028-06-27T09:00:00',
        '2028-01-01T00:00:00Z',
        '2031-01-01T00:00:00Z',
      ),
    ).toEqual(['2028-06-27 闰五月初五', '2029-07-15 六月初五 lunar_date_adjusted']);
  });

  it('day 30 of a month that has 29 days: OMIT drops it, BACKWARD takes the 29th, FORWARD the 1st of the next month', () => {
    // 腊月 has 30 days in some years and 29 in others (2026's has 29); the window covers both kinds.
    const omit = starts('RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=30', '2020-01-24T18:00:00');
    const backward = starts(
      'RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=30;SKIP=BACKWARD',
      '2020-01-24T18:00:00',
    );
    const forward = starts(
      'RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=30;SKIP=FORWARD',
      '2020-01-24T18:00:00',
    );
    expect(backward.length).toBe(forward.length);
    expect(omit.length).toBeLessThan(backward.length);
    expect(omit.every((line) => line.includes('腊月三十'))).toBe(true);
    expect(backward.filter((l) => l.includes('adjusted')).length).toBe(backward.length - omit.length);
    for (const line of backward.filter((l) => l.includes('adjusted'))) expect(line).toContain('腊月廿九');
    for (const line of forward.filter((l) => l.includes('adjusted'))) expect(line).toContain('正月初一');
  });

  it('monthly on the first of every lunar month (初一), counting the leap month as a month of its own', () => {
    const lines = starts(
      'RSCALE=CHINESE;FREQ=MONTHLY;BYMONTHDAY=1',
      '2025-06-25T08:00:00',
      '2025-06-01T00:00:00Z',
      '2025-10-01T00:00:00Z',
    );
    expect(lines).toEqual([
      '2025-06-25 六月初一',
      '2025-07-25 闰六月初一',
      '2025-08-23 七月初一',
      '2025-09-22 八月初一',
    ]);
  });

  it('combines with UNTIL and INTERVAL', () => {
    expect(
      starts(
        'RSCALE=CHINESE;FREQ=YEARLY;INTERVAL=2;BYMONTH=1;BYMONTHDAY=15;UNTIL=20270101T000000Z',
        '2022-02-15T19:00:00',
      ),
    ).toEqual(['2022-02-15 正月十五', '2024-02-24 正月十五', '2026-03-03 正月十五']);
  });

  it.each([
    [1, 1, false, '正月初一'],
    [5, 5, false, '五月初五'],
    [8, 15, false, '八月十五'],
    [9, 9, false, '九月初九'],
    [11, 20, false, '冬月二十'],
    [12, 30, false, '腊月三十'],
    [6, 21, true, '闰六月廿一'],
    [4, 10, false, '四月初十'],
  ])('labels month %i day %i (leap %s) as %s', (month, day, leap, label) => {
    expect(lunarLabel(month, day, leap).label).toBe(label);
  });
});
