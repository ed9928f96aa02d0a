import { splitMyShifts, type MyShift } from './my-shifts-data';

const NOW = Date.parse('2026-12-07T04:00:00Z'); // 12:00 in Chengnan
const item = (claimId: string, startsAt: string, endsAt: string, status: MyShift['status']): MyShift => ({
  claimId,
  shiftId: claimId,
  title: claimId,
  startsAt,
  endsAt,
  status,
  timeZone: 'Asia/Shanghai',
  cancellableUntil: startsAt,
  checkedInAt: null,
  checkedOutAt: null,
  estate: null,
  locationText: null,
  shiftStatus: 'open',
  waitlistPosition: status === 'waitlisted' ? 1 : null,
});

describe('my shifts, coming up and past', () => {
  it('keeps a shift under way among the coming ones, in start order; finished ones latest first', () => {
    const underWay = item('under-way', '2026-12-07T03:00:00Z', '2026-12-07T05:00:00Z', 'checked_in');
    const tomorrow = item('tomorrow', '2026-12-08T01:00:00Z', '2026-12-08T03:00:00Z', 'waitlisted');
    const nextWeek = item('next-week', '2026-12-14T01:00:00Z', '2026-12-14T03:00:00Z', 'confirmed');
    const done = item('done', '2026-12-05T01:00:00Z', '2026-12-05T03:00:00Z', 'completed');
    const missed = item('missed', '2026-12-06T01:00:00Z', '2026-12-06T03:00:00Z', 'no_show');
    const endedUnrecorded = item('ended', '2026-12-07T00:00:00Z', '2026-12-07T02:00:00Z', 'confirmed');
    const { upcoming, past } = splitMyShifts(
      [nextWeek, done, underWay, missed, tomorrow, endedUnrecorded],
      NOW,
    );
    expect(upcoming.map((s) => s.claimId)).toEqual(['under-way', 'tomorrow', 'next-week']);
    expect(past.map((s) => s.claimId)).toEqual(['ended', 'missed', 'done']);
  });
});
