import { nextPosition } from './event-consumer';

const NOW = new Date('2026-12-01T00:00:00Z');
const GRACE = 120_000;
const ids = (...values: number[]) => values.map((id) => ({ id: String(id) }));

describe('the event cursor after a batch', () => {
  it('moves to the highest id read when ids are contiguous', () => {
    expect(nextPosition({ last_id: '10', gaps: [], now: NOW }, ids(11, 12, 13), GRACE)).toEqual({
      lastId: '13',
      gaps: [],
    });
  });

  it('keeps ids passed unseen as gaps, noticed now', () => {
    expect(nextPosition({ last_id: '10', gaps: [], now: NOW }, ids(11, 14), GRACE)).toEqual({
      lastId: '14',
      gaps: [
        { id: '12', since: NOW.toISOString() },
        { id: '13', since: NOW.toISOString() },
      ],
    });
  });

  it('drops a gap once its event is read (a late commit)', () => {
    const gaps = [{ id: '12', since: NOW.toISOString() }];
    expect(nextPosition({ last_id: '14', gaps, now: NOW }, ids(12), GRACE)).toEqual({
      lastId: '14',
      gaps: [],
    });
  });

  it('gives a gap up after the grace period (its transaction rolled back)', () => {
    const old = new Date(NOW.getTime() - GRACE - 1).toISOString();
    const fresh = new Date(NOW.getTime() - GRACE + 1).toISOString();
    const gaps = [
      { id: '12', since: old },
      { id: '13', since: fresh },
    ];
    expect(nextPosition({ last_id: '14', gaps, now: NOW }, [], GRACE)).toEqual({
      lastId: '14',
      gaps: [{ id: '13', since: fresh }],
    });
  });

  it('stays where it is when nothing new was read', () => {
    expect(nextPosition({ last_id: '7', gaps: [], now: NOW }, [], GRACE)).toEqual({ lastId: '7', gaps: [] });
  });

  it('bounds the gaps kept after a jump of ids (a large rollback)', () => {
    const next = nextPosition({ last_id: '0', gaps: [], now: NOW }, ids(1_000_000), GRACE);
    expect(next.lastId).toBe('1000000');
    expect(next.gaps.length).toBeLessThanOrEqual(10_000);
    expect(next.gaps.at(-1)).toEqual({ id: '999999', since: NOW.toISOString() });
  });
});
