export type { CalendarEntry, CalendarMeta, FeedScope, FeedWindow } from './domain/calendar-entry';
export { CALENDAR_SOURCES, type CalendarSource } from './domain/calendar-source';
