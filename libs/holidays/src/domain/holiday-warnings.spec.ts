import { holidayDataWarnings } from './holiday-warnings';

describe('holidayDataWarnings (issue 10, item 11)', () => {
  const at = (local: string, flags: string[] = []) => ({ start: Date.parse(`${local}Z`), flags });

  it('one warning per year whose occurrences had no official data, in order', () => {
    const warnings = holidayDataWarnings([
      at('2026-12-25T09:00:00'),
      at('2027-01-01T09:00:00', ['holiday_data_missing']),
      at('2028-01-07T09:00:00', ['holiday_data_missing']),
      at('2027-01-08T09:00:00', ['holiday_data_missing', 'dst_gap_shifted']),
    ]);
    expect(warnings.map(({ year, occurrences, code }) => ({ year, occurrences, code }))).toEqual([
      { year: 2027, occurrences: 2, code: 'HOLIDAY_DATA_MISSING' },
      { year: 2028, occurrences: 1, code: 'HOLIDAY_DATA_MISSING' },
    ]);
    expect(warnings[0].message).toContain('2027');
  });

  it('none when every year is known', () => {
    expect(holidayDataWarnings([at('2026-10-01T09:00:00', ['makeup_workday'])])).toEqual([]);
  });
});
