import bundled from 'chinese-days/dist/chinese-days.json';

/** A day the State Council declared: a statutory day off (法定节假日) or a make-up workday (调休上班日). */
export interface HolidayDay {
  /** Local date, `2026-10-01`. */
  date: string;
  kind: 'off' | 'workday';
  /** e.g. 国庆节 */
  name: string;
}

/** What the engine asks about China's calendar. Pure lookups; how days are stored is not its business. */
export interface HolidayCalendar {
  /** The declared day (off or make-up workday) on a local date, if any. */
  day(date: string): HolidayDay | undefined;
  /** Whether the schedule of this year is known (published and loaded). */
  hasDataFor(year: number): boolean;
}

/** Bundled entries look like "National Day,国庆节,3": English name, Chinese name, length. */
function chineseName(entry: string): string {
  return entry.split(',')[1] ?? entry;
}

/** China's statutory holidays and make-up workdays as published, from the chinese-days package (2004 onward). */
export function bundledChineseHolidays(): HolidayCalendar {
  return BUNDLED;
}

const BUNDLED: HolidayCalendar = (() => {
  const days = new Map<string, HolidayDay>();
  const data = bundled as { holidays: Record<string, string>; workdays: Record<string, string> };
  for (const [date, entry] of Object.entries(data.holidays))
    days.set(date, { date, kind: 'off', name: chineseName(entry) });
  for (const [date, entry] of Object.entries(data.workdays))
    days.set(date, { date, kind: 'workday', name: chineseName(entry) });
  const years = new Set([...days.keys()].map((date) => Number(date.slice(0, 4))));
  return { day: (date) => days.get(date), hasDataFor: (year) => years.has(year) };
})();

/**
 * The bundled calendar with an organiser's corrections and imported years on top: an override
 * replaces the bundled entry for its date (`kind: 'normal'` removes one); an imported year counts
 * as known even if the package has not caught up yet.
 */
export function withOverrides(
  base: HolidayCalendar,
  overrides: { date: string; kind: 'off' | 'workday' | 'normal'; name: string }[],
  importedYears: number[] = [],
): HolidayCalendar {
  const byDate = new Map(overrides.map((o) => [o.date, o]));
  const years = new Set(importedYears);
  return {
    day(date) {
      const override = byDate.get(date);
      if (!override) return base.day(date);
      return override.kind === 'normal' ? undefined : { date, kind: override.kind, name: override.name };
    },
    hasDataFor: (year) => years.has(year) || base.hasDataFor(year),
  };
}

/** A calendar with no holidays, for rules with the `ignore` policy and for tests. */
export const NO_HOLIDAYS: HolidayCalendar = { day: () => undefined, hasDataFor: () => true };
