import { bundledChineseHolidays } from '@linli/recurrence';
import { viewDay, viewYear } from './holiday-day';

const bundled = bundledChineseHolidays();
const summary = (days: { date: string; kind: string; source: string }[]) =>
  days.map((d) => `${d.date} ${d.kind} ${d.source}`);

describe('the merged holiday calendar of a year', () => {
  it('lists the bundled 2026 National Day week and its make-up workdays, and knows 2026', () => {
    const view = viewYear(2026, bundled, [], []);
    expect(view.hasOfficialData).toBe(true);
    const nationalDay = view.days.filter((d) => d.name === '国庆节');
    expect(summary(nationalDay)).toEqual([
      '2026-09-20 workday bundled',
      '2026-10-01 off bundled',
      '2026-10-02 off bundled',
      '2026-10-03 off bundled',
      '2026-10-04 off bundled',
      '2026-10-05 off bundled',
      '2026-10-06 off bundled',
      '2026-10-07 off bundled',
      '2026-10-10 workday bundled',
    ]);
    expect(view.days.find((d) => d.date === '2026-09-25')).toMatchObject({ kind: 'off', name: '中秋' });
  });

  it('puts overrides over the bundled days, keeps what they replace, and lists removals', () => {
    const view = viewYear(
      2026,
      bundled,
      [
        { date: '2026-10-10', kind: 'normal', name: '取消调休', note: '街道通知' },
        { date: '2026-10-12', kind: 'off', name: '社区活动日' },
      ],
      [],
    );
    const byDate = new Map(view.days.map((d) => [d.date, d]));
    expect(byDate.get('2026-10-10')).toEqual({
      date: '2026-10-10',
      kind: 'normal',
      name: '取消调休',
      source: 'override',
      note: '街道通知',
      bundled: { kind: 'workday', name: '国庆节' },
    });
    expect(byDate.get('2026-10-12')).toMatchObject({ kind: 'off', source: 'override', bundled: null });
  });

  it('knows a year without bundled data only once it is imported', () => {
    expect(viewYear(2099, bundled, [], []).hasOfficialData).toBe(false);
    expect(viewYear(2099, bundled, [], [2099]).hasOfficialData).toBe(true);
  });

  it('has no entry for an ordinary day', () => {
    expect(viewDay('2026-10-14', bundled, undefined)).toBeUndefined();
  });
});
