import { addDays, mondayOf, parseDay } from './week';

describe('week arithmetic on calendar days', () => {
  it('moves across months and years', () => {
    expect(addDays('2026-11-30', 7)).toBe('2026-12-07');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2026-03-02', -7)).toBe('2026-02-23');
  });

  it('finds the Monday of any day of the week, Sunday included', () => {
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
    expect(mondayOf('2026-12-10')).toBe('2026-12-07');
    expect(mondayOf('2026-12-13')).toBe('2026-12-07');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });

  it('accepts only real calendar days from an address', () => {
    expect(parseDay('2026-12-07')).toBe('2026-12-07');
    expect(parseDay('2026-02-30')).toBeUndefined();
    expect(parseDay('next week')).toBeUndefined();
    expect(parseDay(null)).toBeUndefined();
  });
});
