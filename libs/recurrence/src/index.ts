/** The recurrence engine: pure functions from rules to occurrences. No Nest, no ORM, no I/O, no clock. */
export * from './errors';
export * from './expand/occurrence';
export { expandSeries } from './expand/expand-series';
export { formatOccurrence, type FormattedOccurrence } from './expand/format-occurrence';
export { parseRecurrenceRule, formatRecurrenceRule, type RecurrenceRule } from './rule/recurrence-rule';
export {
  bundledChineseHolidays,
  withOverrides,
  NO_HOLIDAYS,
  type HolidayCalendar,
  type HolidayDay,
} from './holidays/holiday-calendar';
export { ZoneRules } from './time/zone-rules';
export {
  parseLocalDateTime,
  formatLocal,
  formatLocalDate,
  formatOffset,
  parseDuration,
  type LocalMs,
  type InstantMs,
  type Duration,
} from './time/local-date-time';
export { editThisOccurrence, editThisAndFollowing, editAllOccurrences } from './series/edit-scope';
