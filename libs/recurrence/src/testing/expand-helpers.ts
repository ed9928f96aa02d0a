import { expandSeries } from '../expand/expand-series';
import type { ExpansionResult, SeriesDefinition } from '../expand/occurrence';
import type { HolidayCalendar } from '../holidays/holiday-calendar';
import { formatOccurrence } from '../expand/format-occurrence';
import { formatLocal } from '../time/local-date-time';

/** Expands between two ISO instants and answers the local start times (what organisers read). */
export function localStarts(
  series: SeriesDefinition,
  from: string,
  to: string,
  holidays?: HolidayCalendar,
): string[] {
  return expandSeries(
    series,
    { from: Date.parse(from), to: Date.parse(to), limit: 5000 },
    holidays,
  ).occurrences.map((o) => formatLocal(o.start));
}

export function expandBetween(
  series: SeriesDefinition,
  from: string,
  to: string,
  holidays?: HolidayCalendar,
  limit = 5000,
): ExpansionResult {
  return expandSeries(series, { from: Date.parse(from), to: Date.parse(to), limit }, holidays);
}

export function formatted(result: ExpansionResult) {
  return result.occurrences.map(formatOccurrence);
}
