import { feedWindow } from './feed-window';

describe('feedWindow', () => {
  it('reaches daysBack before and daysAhead after now, widened to whole hours', () => {
    const window = feedWindow(new Date('2026-12-01T09:41:07.123Z'), 30, 180);
    expect(window.from.toISOString()).toBe('2026-11-01T09:00:00.000Z');
    expect(window.to.toISOString()).toBe('2027-05-30T10:00:00.000Z');
  });

  it('asks the same question all hour, so an unchanged feed keeps its ETag', () => {
    const a = feedWindow(new Date('2026-12-01T09:00:00.001Z'), 30, 180);
    const b = feedWindow(new Date('2026-12-01T09:59:59.999Z'), 30, 180);
    expect(a).toEqual(b);
  });

  it('keeps exact hours as they are', () => {
    const window = feedWindow(new Date('2026-12-01T09:00:00Z'), 0, 1);
    expect(window.from.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(window.to.toISOString()).toBe('2026-12-02T09:00:00.000Z');
  });
});
