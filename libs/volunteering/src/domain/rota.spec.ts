import { DomainError } from '@linli/platform/domain-error';
import {
  addDays,
  datesBetween,
  isLocalDate,
  isoWeekDates,
  rotaCounts,
  rotaRange,
  rotaTotals,
  weekdayOf,
} from './rota';
import { isoWeek } from './claim-rules';

describe('rota ranges', () => {
  it.each([
    ['2026-W49', '2026-11-30', '2026-12-06'],
    ['2026-W01', '2025-12-29', '2026-01-04'],
    ['2026-W53', '2026-12-28', '2027-01-03'],
    ['2027-W01', '2027-01-04', '2027-01-10'],
    ['2020-W53', '2020-12-28', '2021-01-03'],
  ])('ISO week %s runs from Monday %s to Sunday %s', (week, from, to) => {
    expect(isoWeekDates(week)).toEqual({ from, to });
    // The claim rules' week of an instant agrees with it.
    expect(isoWeek(new Date(`${from}T12:00:00Z`), 'UTC')).toBe(week);
    expect(isoWeek(new Date(`${to}T12:00:00Z`), 'UTC')).toBe(week);
  });

  it.each(['2027-W53', '2026-W00', '2026-W54', '2026W49', '2026-W4'])(
    'refuses %s as a week with a coded answer',
    (week) => {
      expect(() => isoWeekDates(week)).toThrow(DomainError);
    },
  );

  it('takes from/to (both included) and refuses more than 31 days or a reversed range', () => {
    expect(rotaRange({ from: '2026-12-01', to: '2026-12-31' })).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
      week: null,
    });
    expect(rotaRange({ from: '2026-12-01', to: '2026-12-01' }).to).toBe('2026-12-01');
    expect(() => rotaRange({ from: '2026-12-01', to: '2027-01-01' })).toThrow(DomainError);
    expect(() => rotaRange({ from: '2026-12-02', to: '2026-12-01' })).toThrow(DomainError);
    expect(() => rotaRange({ from: '2026-12-02' })).toThrow(DomainError);
    expect(rotaRange({ week: '2026-W49' }).week).toBe('2026-W49');
  });

  it('counts days across month, year and leap-day boundaries', () => {
    expect(datesBetween('2028-02-27', '2028-03-01')).toEqual([
      '2028-02-27',
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ]);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(weekdayOf('2026-11-30')).toBe(1);
    expect(weekdayOf('2026-12-06')).toBe(7);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
  });
});

describe('rota counts', () => {
  it('counts organisation places as held plus assigned, and unfilled as places nobody has', () => {
    expect(
      rotaCounts({
        status: 'open',
        capacity: 6,
        confirmed: 3,
        held: 2,
        waitlisted: 0,
        assignedViaReservations: 1,
      }),
    ).toEqual({
      capacity: 6,
      confirmed: 3,
      waitlisted: 0,
      held: 2,
      assignedViaReservations: 1,
      reservedByOrganisations: 3,
      unfilled: 1,
    });
  });

  it('has nothing unfilled on a full shift with a waitlist, or on a cancelled one', () => {
    const full = rotaCounts({
      status: 'open',
      capacity: 2,
      confirmed: 2,
      held: 0,
      waitlisted: 3,
      assignedViaReservations: 0,
    });
    expect([full.unfilled, full.waitlisted]).toEqual([0, 3]);
    const cancelled = rotaCounts({
      status: 'cancelled',
      capacity: 5,
      confirmed: 0,
      held: 0,
      waitlisted: 0,
      assignedViaReservations: 0,
    });
    expect(cancelled.unfilled).toBe(0);
  });

  it('totals leave cancelled shifts out', () => {
    const open = rotaCounts({
      status: 'open',
      capacity: 4,
      confirmed: 1,
      held: 1,
      waitlisted: 0,
      assignedViaReservations: 0,
    });
    const cancelled = rotaCounts({
      status: 'cancelled',
      capacity: 9,
      confirmed: 0,
      held: 0,
      waitlisted: 0,
      assignedViaReservations: 0,
    });
    expect(
      rotaTotals([
        { status: 'open', counts: open },
        { status: 'cancelled', counts: cancelled },
      ]),
    ).toEqual({
      shifts: 1,
      capacity: 4,
      confirmed: 1,
      waitlisted: 0,
      reservedByOrganisations: 1,
      unfilled: 2,
    });
  });
});
