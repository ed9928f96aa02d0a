import { localDate } from '../../i18n/format';

/** What the filters need of a shift (the API's open shift has more). */
export interface FilterableShift {
  startsAt: string;
  timeZone: string;
  estateId: string | null;
  locationText: string | null;
  requiredQualifications: string[];
}

export interface ShiftFilter {
  /** `2026-12-07`, the community's calendar day; '' for every day */
  day: string;
  /** a place's name (estate or location); '' for every place */
  place: string;
  /** a required qualification; '' for any */
  skill: string;
}

export const NO_FILTER: ShiftFilter = { day: '', place: '', skill: '' };

/** An estate visit is at the estate; anything else at its written location. */
export function placeOf(shift: FilterableShift, estateNames: ReadonlyMap<string, string>): string {
  return (shift.estateId && estateNames.get(shift.estateId)) || shift.locationText || '';
}

export function filterShifts<T extends FilterableShift>(
  shifts: readonly T[],
  filter: ShiftFilter,
  estateNames: ReadonlyMap<string, string>,
): T[] {
  return shifts.filter(
    (shift) =>
      (!filter.day || localDate(shift.startsAt, shift.timeZone) === filter.day) &&
      (!filter.place || placeOf(shift, estateNames) === filter.place) &&
      (!filter.skill || shift.requiredQualifications.includes(filter.skill)),
  );
}

/** The choices each filter offers: only values some shift has, sorted. */
export function filterChoices(
  shifts: readonly FilterableShift[],
  estateNames: ReadonlyMap<string, string>,
): { days: string[]; places: string[]; skills: string[] } {
  const days = new Set<string>();
  const places = new Set<string>();
  const skills = new Set<string>();
  for (const shift of shifts) {
    days.add(localDate(shift.startsAt, shift.timeZone));
    const place = placeOf(shift, estateNames);
    if (place) places.add(place);
    shift.requiredQualifications.forEach((skill) => skills.add(skill));
  }
  const byText = (a: string, b: string) => a.localeCompare(b, 'zh-CN');
  return { days: [...days].sort(), places: [...places].sort(byText), skills: [...skills].sort(byText) };
}

/** Shifts in start order, grouped by the community's calendar day. */
export function groupByDay<T extends FilterableShift>(shifts: readonly T[]): { day: string; shifts: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const shift of [...shifts].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))) {
    const day = localDate(shift.startsAt, shift.timeZone);
    groups.set(day, [...(groups.get(day) ?? []), shift]);
  }
  return [...groups].map(([day, list]) => ({ day, shifts: list }));
}
