/**
 * A warning in a series' or a preview's answer (issue 10): the holiday policy could not be applied
 * to these occurrences because the State Council has not published (or nobody imported) the
 * year's schedule; they stand as the rule puts them until the year is imported, which re-plans them.
 */
export interface HolidayWarning {
  code: 'HOLIDAY_DATA_MISSING';
  year: number;
  /** How many of the occurrences looked at fall in that year. */
  occurrences: number;
  message: string;
}

/**
 * One warning per year (ascending) in which any occurrence carries the engine's
 * `holiday_data_missing` flag. `start`: the occurrence's local wall time (the engine's LocalMs).
 */
export function holidayDataWarnings(
  occurrences: readonly { start: number; flags: readonly string[] }[],
): HolidayWarning[] {
  const years = new Map<number, number>();
  for (const occurrence of occurrences) {
    if (!occurrence.flags.includes('holiday_data_missing')) continue;
    const year = new Date(occurrence.start).getUTCFullYear();
    years.set(year, (years.get(year) ?? 0) + 1);
  }
  return [...years.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, count]) => ({
      code: 'HOLIDAY_DATA_MISSING',
      year,
      occurrences: count,
      message:
        `${year} 年的法定节假日安排尚未发布或尚未导入，其中 ${count} 次未按节假日调整；导入后会自动重新安排。` +
        ` No official holiday schedule for ${year} yet: ${count} occurrence(s) were planned without it` +
        ' and are re-planned when the year is imported.',
    }));
}
