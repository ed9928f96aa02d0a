import type { components } from '../../api/schema';

export type Rota = components['schemas']['RotaDto_Output'];
export type RotaShift = Rota['days'][number]['shifts'][number];

/**
 * How a shift stands, for the card's colour and its words (never colour alone):
 * - full: every place is taken or held by an organisation;
 * - at-risk: places still open and it starts within two days, so the organiser should phone round;
 * - unfilled: places open, with time left to fill them;
 * - cancelled.
 */
export type ShiftState = 'full' | 'at-risk' | 'unfilled' | 'cancelled';

export const AT_RISK_WITHIN_MS = 48 * 3600_000;

export function shiftState(shift: RotaShift, now: Date): ShiftState {
  if (shift.status === 'cancelled') return 'cancelled';
  if (shift.unfilled <= 0) return 'full';
  return new Date(shift.startsAt).getTime() - now.getTime() <= AT_RISK_WITHIN_MS ? 'at-risk' : 'unfilled';
}

/** Places taken: people confirmed plus places organisations hold for their members. */
export function filledOf(shift: RotaShift): number {
  return shift.confirmed + shift.held;
}

/**
 * Where a shift happens, as the board's row: the estate and, when given, the exact place; a place
 * that already names its estate (`城南花园小区 中心广场`) is not prefixed with it again.
 */
export function placeLabel(shift: RotaShift): string {
  const estate = shift.estate?.name;
  const place = shift.locationText?.trim();
  if (estate && place) return place.startsWith(estate) ? place : `${estate} · ${place}`;
  return estate ?? place ?? '';
}

export interface BoardRow {
  place: string;
  /** one list per day of the rota, in its order */
  cells: RotaShift[][];
}

/**
 * The board's grid: one row per place (alphabetical, as the community office lists them; shifts
 * without a place last), one column per day, shifts in a cell by start time.
 */
export function boardRows(rota: Rota): BoardRow[] {
  const rows = new Map<string, BoardRow>();
  rota.days.forEach((day, column) => {
    for (const shift of day.shifts) {
      const place = placeLabel(shift);
      let row = rows.get(place);
      if (!row) {
        row = { place, cells: rota.days.map(() => []) };
        rows.set(place, row);
      }
      row.cells[column].push(shift);
    }
  });
  for (const row of rows.values()) {
    for (const cell of row.cells) cell.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }
  return [...rows.values()].sort((a, b) => {
    if (!a.place || !b.place) return a.place ? -1 : b.place ? 1 : 0;
    return a.place.localeCompare(b.place, 'zh-CN');
  });
}

/** Every shift of the rota with open places, soonest first: the list the organiser works down. */
export function shiftsToFill(rota: Rota): RotaShift[] {
  return rota.days
    .flatMap((day) => day.shifts)
    .filter((shift) => shift.status === 'open' && shift.unfilled > 0)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}
