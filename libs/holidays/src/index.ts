export { holidaysEntities } from './infra/holidays.entities';
export { HolidaysModule } from './holidays.module';
export { HolidaysApiModule } from './api/holidays-api.module';
export { HolidayCalendarService } from './application/holiday-calendar.service';
export { RecurrencePreviewService } from './application/recurrence-preview.service';
export { toDomainError as recurrenceErrorToDomainError } from './application/recurrence-error.mapper';
