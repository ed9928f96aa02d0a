export { holidaysEntities } from './infra/holidays.entities';
export { HolidaysModule } from './holidays.module';
export { HolidaysApiModule } from './api/holidays-api.module';
export { HolidayCalendarService } from './application/holiday-calendar.service';
export { RecurrencePreviewService } from './application/recurrence-preview.service';
/** Re-planning after the calendar changes (issue 10): handlers are found by their decorator. */
export { HolidayChangeHandlerProvider, HolidayChangeHandlers } from './application/holiday-change-handlers';
export type {
  HolidayChange,
  HolidayChangeHandler,
  HolidayReplanReport,
  ReplannedOccurrence,
} from './domain/holiday-replan';
export { emptyReplanReport } from './domain/holiday-replan';
export { holidayDataWarnings, type HolidayWarning } from './domain/holiday-warnings';
export { holidayWarningSchema } from './api/recurrence-preview.schema';
/** The recurrence engine's refusals as coded DomainErrors (codes declared in HOLIDAYS_ERRORS). */
export {
  toDomainError as recurrenceErrorToDomainError,
  type RecurrenceErrorOptions,
} from './application/recurrence-error.mapper';
export { holidaysContext } from './holidays.context';
