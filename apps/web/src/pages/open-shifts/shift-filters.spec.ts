import { filterChoices, filterShifts, groupByDay, placeOf, type FilterableShift } from './shift-filters';

const ZONE = 'Asia/Shanghai';
const shift = (
  startsAt: string,
  place: Partial<FilterableShift>,
  skills: string[] = [],
): FilterableShift => ({
  startsAt,
  timeZone: ZONE,
  estateId: null,
  locationText: null,
  requiredQualifications: skills,
  ...place,
});
const estates = new Map([['e1', '翡翠龙湾小区']]);
const market = shift('2026-12-07T01:00:00Z', { locationText: '党群服务中心前广场' }, ['理发']);
const visit = shift('2026-12-07T06:30:00Z', { estateId: 'e1', locationText: '东门' });
// 00:30 on 8 December in Chengnan (still 7 December in UTC).
const lateNight = shift('2026-12-07T16:30:00Z', { locationText: '党群服务中心前广场' }, ['电工证', '理发']);

describe('filtering the open shifts', () => {
  it('names an estate visit by its estate, anything else by its location', () => {
    expect(placeOf(visit, estates)).toBe('翡翠龙湾小区');
    expect(placeOf(market, estates)).toBe('党群服务中心前广场');
    expect(
      placeOf(shift('2026-12-07T01:00:00Z', { estateId: 'unknown', locationText: '东门' }), estates),
    ).toBe('东门');
  });

  it('by the community’s day, place and skill', () => {
    const all = [market, visit, lateNight];
    expect(filterShifts(all, { day: '2026-12-07', place: '', skill: '' }, estates)).toEqual([market, visit]);
    expect(filterShifts(all, { day: '2026-12-08', place: '', skill: '' }, estates)).toEqual([lateNight]);
    expect(filterShifts(all, { day: '', place: '翡翠龙湾小区', skill: '' }, estates)).toEqual([visit]);
    expect(filterShifts(all, { day: '', place: '', skill: '理发' }, estates)).toEqual([market, lateNight]);
    expect(filterShifts(all, { day: '2026-12-07', place: '', skill: '电工证' }, estates)).toEqual([]);
  });

  it('offers only the choices some shift has', () => {
    expect(filterChoices([market, visit, lateNight], estates)).toEqual({
      days: ['2026-12-07', '2026-12-08'],
      places: expect.arrayContaining(['党群服务中心前广场', '翡翠龙湾小区']),
      skills: expect.arrayContaining(['理发', '电工证']),
    });
  });

  it('groups by day in start order', () => {
    expect(groupByDay([lateNight, visit, market])).toEqual([
      { day: '2026-12-07', shifts: [market, visit] },
      { day: '2026-12-08', shifts: [lateNight] },
    ]);
  });
});
