export { holidaysEntities } from './infra/holidays.entities';
export { HolidaysModule } from './holidays.module';
export { HolidaysApiModule } from './api/holidays-api.module';
export { HolidayCalendarService } from './application/holiday-calendar.service';
export { RecurrencePreviewService } from './application/recurrence-preview.service';
/** The recurrence engine's refusals as coded DomainErrors (codes declared in HOLIDAYS_ERRORS). */
export {
  toDomainError as recurrenceErrorToDomainError,
  type RecurrenceErrorOptions,
} from './application/recurrence-error.mapper';
export { holidaysContext } from './holidays.context';
