import { editAllOccurrences, editThisAndFollowing, editThisOccurrence } from './edit-scope';
import { localStarts } from '../testing/expand-helpers';

const market = {
  rrule: 'FREQ=WEEKLY;BYDAY=FR',
  dtstart: '2026-05-01T09:00:00',
  timeZone: 'Asia/Shanghai',
  duration: 'PT3H',
};
const MAY_JUNE = ['2026-05-01T00:00:00+08:00', '2026-07-01T00:00:00+08:00'] as const;

describe('editing a series: this one, this and following, all', () => {
  it('this one: only that Friday moves', () => {
    const edited = editThisOccurrence(market, {
      recurrenceId: '2026-05-15T09:00:00',
      start: '2026-05-16T09:00:00',
    });
    const starts = localStarts(edited, ...MAY_JUNE);
    expect(starts).toContain('2026-05-16T09:00:00');
    expect(starts).not.toContain('2026-05-15T09:00:00');
    expect(starts).toHaveLength(9);
  });

  it('this one twice on the same occurrence keeps the latest change only', () => {
    const once = editThisOccurrence(market, {
      recurrenceId: '2026-05-15T09:00',
      start: '2026-05-16T09:00:00',
    });
    const twice = editThisOccurrence(once, { recurrenceId: '2026-05-15T09:00:00', cancelled: true });
    expect(twice.overrides).toEqual([{ recurrenceId: '2026-05-15T09:00:00', cancelled: true }]);
  });

  it('this and following: the market moves to Mondays from 5 June; earlier Fridays stay', () => {
    // 5 June is a Friday: under the new rule ("every Monday from 5 June") it is no longer a session.
    const { before, after } = editThisAndFollowing(market, '2026-06-05T09:00:00', {
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
    });
    const starts = [...localStarts(before!, ...MAY_JUNE), ...localStarts(after, ...MAY_JUNE)];
    expect(starts).toEqual([
      '2026-05-01T09:00:00',
      '2026-05-08T09:00:00',
      '2026-05-15T09:00:00',
      '2026-05-22T09:00:00',
      '2026-05-29T09:00:00',
      '2026-06-08T09:00:00',
      '2026-06-15T09:00:00',
      '2026-06-22T09:00:00',
      '2026-06-29T09:00:00',
    ]);
    expect(before!.rrule).toMatch(/UNTIL=20260605T005959Z/);
  });

  it('this and following with COUNT: the two parts share the original count', () => {
    const counted = { ...market, rrule: 'FREQ=WEEKLY;BYDAY=FR;COUNT=6' };
    const { before, after } = editThisAndFollowing(counted, '2026-05-22T09:00:00', { duration: 'PT4H' });
    expect(before!.rrule).toContain('COUNT=3');
    expect(after.rrule).toContain('COUNT=3');
    expect([...localStarts(before!, ...MAY_JUNE), ...localStarts(after, ...MAY_JUNE)]).toHaveLength(6);
    expect(after.duration).toBe('PT4H');
  });

  it('this and following keeps hand-made changes on their side of the split', () => {
    const edited = editThisOccurrence(
      editThisOccurrence(market, { recurrenceId: '2026-05-08T09:00:00', cancelled: true }),
      {
        recurrenceId: '2026-06-12T09:00:00',
        start: '2026-06-13T09:00:00',
      },
    );
    const { before, after } = editThisAndFollowing(edited, '2026-06-05T09:00:00');
    expect(before!.overrides!.map((o) => o.recurrenceId)).toEqual(['2026-05-08T09:00:00']);
    expect(after.overrides!.map((o) => o.recurrenceId)).toEqual(['2026-06-12T09:00:00']);
  });

  it('this and following from the first occurrence is an edit of all', () => {
    const { before, after } = editThisAndFollowing(market, '2026-05-01T09:00:00', { duration: 'PT1H' });
    expect(before).toBeUndefined();
    expect(after.duration).toBe('PT1H');
  });

  it('all: the rule changes and hand-edited occurrences stay', () => {
    const edited = editThisOccurrence(market, {
      recurrenceId: '2026-05-15T09:00:00',
      start: '2026-05-16T10:00:00',
    });
    const all = editAllOccurrences(edited, { duration: 'PT2H' });
    expect(all.overrides).toEqual(edited.overrides);
    expect(localStarts(all, ...MAY_JUNE)).toContain('2026-05-16T10:00:00');
  });
});
