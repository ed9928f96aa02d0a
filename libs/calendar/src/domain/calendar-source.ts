import type { CalendarEntry, FeedScope, FeedWindow } from './calendar-entry';

/**
 * The port every context implements to put its records in feeds. The calendar context knows no
 * shifts, sessions or bookings: it asks each registered source for the entries of a scope.
 */
export interface CalendarSource {
  /** e.g. 'volunteering' */
  readonly name: string;
  supports(scope: FeedScope): boolean;
  /**
   * Entries overlapping the window, indexed and windowed queries only. Cancelled entries are
   * included until they end (they show as STATUS:CANCELLED).
   */
  entries(communityId: string, scope: FeedScope, window: FeedWindow): Promise<CalendarEntry[]>;
}

/** Nest injection token for the list of registered sources. */
export const CALENDAR_SOURCES = Symbol('CALENDAR_SOURCES');
