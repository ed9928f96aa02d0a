import { previewWindow } from './preview-window';

const firstStart = Date.parse('2026-10-18T01:00:00Z');

describe('preview window', () => {
  it('defaults to one year from the first start', () => {
    expect(previewWindow({ firstStart, limit: 1000 })).toEqual({
      ok: true,
      window: { from: firstStart, to: Date.parse('2027-10-18T01:00:00Z'), limit: 1000 },
    });
  });

  it('reads instants with offsets, and runs one year from a given start when no end is given', () => {
    const result = previewWindow({ firstStart, from: '2026-09-28T00:00:00+08:00', limit: 10 });
    expect(result).toEqual({
      ok: true,
      window: { from: Date.parse('2026-09-27T16:00:00Z'), to: Date.parse('2027-09-27T16:00:00Z'), limit: 10 },
    });
  });

  it.each([
    ['an end before the start', '2026-01-01T00:00:00Z', '2025-12-31T00:00:00Z', 'empty'],
    ['an end equal to the start', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'empty'],
    ['more than 10 years', '2026-01-01T00:00:00Z', '2036-01-01T00:00:01Z', 'too_long'],
  ])('refuses %s, naming "to"', (_label, from, to, problem) => {
    expect(previewWindow({ firstStart, from, to, limit: 1 })).toMatchObject({
      ok: false,
      problem,
      field: 'to',
    });
  });

  it('allows exactly 10 years', () => {
    const result = previewWindow({
      firstStart,
      from: '2026-01-01T00:00:00Z',
      to: '2036-01-01T00:00:00Z',
      limit: 1,
    });
    expect(result.ok).toBe(true);
  });
});
