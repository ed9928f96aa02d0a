import { withOverrides, type HolidayCalendar } from '@linli/recurrence';
import { datesOfYear } from './local-date';

/**
 * What an organiser can declare for a date: a day off (法定节假日), a make-up workday (调休上班日), or
 * `normal`, which cancels a bundled entry (an ordinary day again).
 */
export const OVERRIDE_KINDS = ['off', 'workday', 'normal'] as const;
export type OverrideKind = (typeof OVERRIDE_KINDS)[number];

/** What a holiday file can declare: files list declared days, never ordinary ones. */
export const DECLARED_KINDS = ['off', 'workday'] as const;
export type DeclaredKind = (typeof DECLARED_KINDS)[number];

export interface HolidayOverrideData {
  date: string;
  kind: OverrideKind;
  name: string;
  note?: string | null;
}

/** One day of the merged calendar as organisers see it. */
export interface CalendarDayView {
  date: string;
  kind: OverrideKind;
  name: string;
  source: 'bundled' | 'override';
  note: string | null;
  /** The bundled entry an override hides, so a correction can be compared with what it replaces. */
  bundled: { kind: DeclaredKind; name: string } | null;
}

export interface CalendarYearView {
  year: number;
  /** Whether the schedule of the year is known: bundled with the release or imported by an organiser. */
  hasOfficialData: boolean;
  days: CalendarDayView[];
}

/** The day as the merged calendar has it; undefined for an ordinary day nobody declared. */
export function viewDay(
  date: string,
  bundled: HolidayCalendar,
  override: HolidayOverrideData | undefined,
): CalendarDayView | undefined {
  const base = bundled.day(date);
  const replaced = base ? { kind: base.kind, name: base.name } : null;
  if (override) {
    return {
      date,
      kind: override.kind,
      name: override.name,
      source: 'override',
      note: override.note ?? null,
      bundled: replaced,
    };
  }
  if (!base) return undefined;
  return { date, kind: base.kind, name: base.name, source: 'bundled', note: null, bundled: null };
}

/**
 * Every declared day of a year, bundled and overridden. `normal` overrides are listed too: they
 * are an organiser's decision, and listing them is the only way to see (and undo) a removal.
 */
export function viewYear(
  year: number,
  bundled: HolidayCalendar,
  overrides: HolidayOverrideData[],
  importedYears: number[],
): CalendarYearView {
  const byDate = new Map(overrides.map((override) => [override.date, override]));
  const days = datesOfYear(year).flatMap((date) => viewDay(date, bundled, byDate.get(date)) ?? []);
  const merged = withOverrides(bundled, overrides, importedYears);
  return { year, hasOfficialData: merged.hasDataFor(year), days };
}
