import { downloadName, reportPeriod } from './report-period';

describe('the hours report’s periods', () => {
  it.each([
    ['thisMonth', '2026-12-01', { from: '2026-12-01', to: '2026-12-01' }],
    ['lastMonth', '2026-12-01', { from: '2026-11-01', to: '2026-11-30' }],
    ['lastMonth', '2026-01-15', { from: '2025-12-01', to: '2025-12-31' }],
    ['lastMonth', '2024-03-10', { from: '2024-02-01', to: '2024-02-29' }],
    ['thisYear', '2026-12-01', { from: '2026-01-01', to: '2026-12-01' }],
    ['lastYear', '2026-12-01', { from: '2025-01-01', to: '2025-12-31' }],
  ] as const)('%s on %s', (choice, today, expected) => {
    expect(reportPeriod(choice, today)).toEqual(expected);
  });

  it('names the download as the API does, in Chinese where it can', () => {
    const header = `attachment; filename="volunteer-hours_2026.xlsx"; filename*=UTF-8''%E5%BF%97%E6%84%BF.xlsx`;
    expect(downloadName(header, 'x.xlsx')).toBe('志愿.xlsx');
    expect(downloadName('attachment; filename="a.csv"', 'x.csv')).toBe('a.csv');
    expect(downloadName(null, 'x.csv')).toBe('x.csv');
  });
});
