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
  /**
   * What `entries` would answer for the same arguments, now, as a short digest: one indexed query
   * that builds no entries (e.g. a hash of the very rows `entries` would map). Equal digests must
   * mean equal entries: a digest that misses a change serves a stale calendar, forever. A digest
   * that changes without need only costs a full answer. Feeds answer a conditional request from
   * it without loading entries (ADR 0008 §5). Optional: without it, every request of the source's
   * scopes loads its entries.
   */
  contentVersion?(communityId: string, scope: FeedScope, window: FeedWindow): Promise<string>;
}

/** Nest injection token for the list of registered sources. */
export const CALENDAR_SOURCES = Symbol('CALENDAR_SOURCES');
