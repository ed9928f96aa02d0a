import type { HolidayCalendar } from '../holidays/holiday-calendar';
import type { ExpansionResult, ExpansionWindow, SeriesDefinition } from './occurrence';

/**
 * Expands a series into its occurrences inside a window: RRULE (Gregorian or lunar), RDATE,
 * EXDATE, overrides and the holiday policy, with wall times resolved in the series' zone.
 */
export function expandSeries(series: SeriesDefinition, window: ExpansionWindow, holidays?: HolidayCalendar): ExpansionResult {
  void series;
  void window;
  void holidays;
  throw new Error('not implemented yet');
}
