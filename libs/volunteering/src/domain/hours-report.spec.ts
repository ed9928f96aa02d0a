import { DomainError } from '@linli/platform/domain-error';
import { assertReportPeriod, byChineseName, isCalendarDay, periodLabel, withTotals } from './hours-report';

describe('report periods', () => {
  it.each([
    ['2026-12-01', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-12-1', false],
    ['20261201', false],
    ['2026-12-01T00:00:00Z', false],
  ])('%s is a calendar day: %s', (text, expected) => {
    expect(isCalendarDay(text)).toBe(expected);
  });

  it.each([
    ['one day', '2026-12-01', '2026-12-01', undefined],
    ['a month', '2026-12-01', '2026-12-31', undefined],
    ['a leap year, 366 days', '2028-01-01', '2028-12-31', undefined],
    ['367 days', '2026-01-01', '2027-01-02', 'at most 366 days'],
    ['to before from', '2026-12-02', '2026-12-01', 'not be before'],
  ])('%s', (_scenario, from, to, problem) => {
    const check = () => assertReportPeriod({ from, to });
    if (problem) {
      expect(check).toThrow(DomainError);
      expect(check).toThrow(problem);
    } else expect(check).not.toThrow();
  });

  it.each([
    ['a calendar month', '2026-12-01', '2026-12-31', '2026-12'],
    ['February of a leap year', '2028-02-01', '2028-02-29', '2028-02'],
    ['part of February', '2028-02-01', '2028-02-28', '2028-02-01_2028-02-28'],
    ['a calendar year', '2026-01-01', '2026-12-31', '2026'],
    ['any other span', '2026-11-15', '2026-12-14', '2026-11-15_2026-12-14'],
  ])('labels %s as %s', (_scenario, from, to, label) => {
    expect(periodLabel({ from, to })).toBe(label);
  });
});

describe('withTotals', () => {
  it('adds adjustments to credited minutes and gives hours with two decimals', () => {
    expect(withTotals({ shiftsCompleted: 3, creditedMinutes: 275, adjustmentMinutes: -20 })).toEqual({
      shiftsCompleted: 3,
      creditedMinutes: 275,
      adjustmentMinutes: -20,
      totalMinutes: 255,
      creditedHours: 4.58,
      adjustmentHours: -0.33,
      totalHours: 4.25,
    });
  });
});

describe('byChineseName', () => {
  it('orders names by pinyin, then by id', () => {
    const rows = [
      { name: '志愿者', id: 'b' },
      { name: '成员', id: 'z' },
      { name: '王秀英', id: 'c' },
      { name: '成员', id: 'a' },
    ];
    expect(rows.sort(byChineseName).map((r) => `${r.name}/${r.id}`)).toEqual([
      '成员/a',
      '成员/z',
      '王秀英/c',
      '志愿者/b',
    ]);
  });
});
