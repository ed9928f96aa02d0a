import { boardRows, placeLabel, shiftState, shiftsToFill, type Rota, type RotaShift } from './rota-board';

const NOW = new Date('2026-12-07T08:00:00+08:00');

function shift(overrides: Partial<RotaShift>): RotaShift {
  return {
    id: overrides.id ?? 'shift',
    title: '城南市集',
    startsAt: '2026-12-10T09:00:00+08:00',
    endsAt: '2026-12-10T11:00:00+08:00',
    timeZone: 'Asia/Shanghai',
    status: 'open',
    capacity: 4,
    confirmed: 1,
    held: 0,
    unfilled: 3,
    waitlisted: 0,
    assignedViaReservations: 0,
    reservedByOrganisations: 0,
    estate: null,
    locationText: '城南社区党群服务中心前广场',
    organisations: [],
    origin: null,
    people: [],
    seriesId: null,
    version: 1,
    ...overrides,
  };
}

function rota(days: { date: string; shifts: RotaShift[] }[]): Rota {
  const totals = {
    capacity: 0,
    confirmed: 0,
    reservedByOrganisations: 0,
    shifts: 0,
    unfilled: 0,
    waitlisted: 0,
  };
  return {
    from: days[0].date,
    to: days[days.length - 1].date,
    timeZone: 'Asia/Shanghai',
    totals,
    days: days.map((day, index) => ({ ...day, weekday: index + 1, totals })),
  } as Rota;
}

describe('the rota board', () => {
  it('says a shift is full when every place is taken or held, whenever it is', () => {
    expect(shiftState(shift({ confirmed: 2, held: 2, unfilled: 0 }), NOW)).toBe('full');
  });

  it('says a shift with open places is at risk within two days of its start, unfilled before', () => {
    expect(shiftState(shift({ startsAt: '2026-12-09T08:00:00+08:00' }), NOW)).toBe('at-risk');
    expect(shiftState(shift({ startsAt: '2026-12-09T08:01:00+08:00' }), NOW)).toBe('unfilled');
  });

  it('says a cancelled shift is cancelled, not unfilled', () => {
    expect(shiftState(shift({ status: 'cancelled', unfilled: 0, confirmed: 0 }), NOW)).toBe('cancelled');
  });

  it('names the place by estate and exact place', () => {
    expect(placeLabel(shift({ estate: { id: 'e', name: '翡翠龙湾小区' }, locationText: '3号门' }))).toBe(
      '翡翠龙湾小区 · 3号门',
    );
    expect(placeLabel(shift({ locationText: null }))).toBe('');
    expect(
      placeLabel(shift({ estate: { id: 'e', name: '城南花园小区' }, locationText: '城南花园小区 中心广场' })),
    ).toBe('城南花园小区 中心广场');
  });

  it('lays shifts out by place and day, in time order, places without a name last', () => {
    const board = boardRows(
      rota([
        {
          date: '2026-12-07',
          shifts: [
            shift({ id: 'late', startsAt: '2026-12-07T14:00:00+08:00' }),
            shift({ id: 'early', startsAt: '2026-12-07T09:00:00+08:00' }),
            shift({ id: 'nowhere', locationText: null }),
          ],
        },
        {
          date: '2026-12-08',
          shifts: [shift({ id: 'van', estate: { id: 'e', name: '翡翠龙湾小区' }, locationText: null })],
        },
      ]),
    );
    expect(board.map((row) => row.place)).toEqual(['城南社区党群服务中心前广场', '翡翠龙湾小区', '']);
    expect(board[0].cells.map((cell) => cell.map((s) => s.id))).toEqual([['early', 'late'], []]);
    expect(board[1].cells.map((cell) => cell.map((s) => s.id))).toEqual([[], ['van']]);
  });

  it('lists the shifts to fill soonest first, leaving out full and cancelled ones', () => {
    const toFill = shiftsToFill(
      rota([
        {
          date: '2026-12-07',
          shifts: [
            shift({ id: 'b', startsAt: '2026-12-07T14:00:00+08:00' }),
            shift({ id: 'full', unfilled: 0 }),
            shift({ id: 'cancelled', status: 'cancelled' }),
            shift({ id: 'a', startsAt: '2026-12-07T09:00:00+08:00' }),
          ],
        },
      ]),
    );
    expect(toFill.map((s) => s.id)).toEqual(['a', 'b']);
  });
});
