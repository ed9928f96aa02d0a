/**
 * One event in a feed: what contexts (shifts now; market sessions, vehicle visits and venue
 * bookings later) contribute through the CalendarSource port. Pure data; rendering is ours.
 */
export interface CalendarEntry {
  /** Stable forever and opaque: derived from what the entry is, never from personal data. */
  uid: string;
  /** The entry's version: SEQUENCE. Bumped by its source on every change that matters. */
  sequence: number;
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  start: Date;
  end: Date;
  /** IANA zone the entry was planned in: DTSTART/DTEND carry TZID and a VTIMEZONE. */
  timeZone: string;
  summary: string;
  location?: string | null;
  /** What to bring, who to contact, a link back: plain text. */
  description?: string | null;
  url?: string | null;
  /** Organiser-chosen category (CATEGORIES) and colour (RFC 7986 COLOR, a CSS3 colour name). */
  categories?: string[];
  color?: string | null;
  /** When the entry last changed: DTSTAMP and LAST-MODIFIED (never "now", so bodies are deterministic). */
  lastModified: Date;
  /** VALARMs, minutes before the start (the subscriber's reminder preference). */
  alarmMinutesBefore?: number[];
}

/** What a feed shows. Personal scopes need a subscription token; public ones have stable URLs. */
export type FeedScope =
  | { kind: 'person'; personId: string }
  | { kind: 'organisation'; organisationId: string }
  | { kind: 'estate'; estateId: string }
  | { kind: 'venue'; venueId: string }
  | { kind: 'community' }
  /**
   * A subscription kind another context contributes (its `CalendarScopes` provider): the sources
   * that know `scopeKind` answer it, the others leave it out.
   */
  | { kind: 'contributed'; scopeKind: string; id: string }
  | { kind: 'public-market' }
  | { kind: 'public-visits'; estateId: string };

export interface FeedWindow {
  from: Date;
  to: Date;
}

/** The calendar's name and description, in the community's language. */
export interface CalendarMeta {
  name: string;
  description?: string;
  /** X-WR-TIMEZONE: the community's zone. */
  timeZone: string;
  /** REFRESH-INTERVAL / X-PUBLISHED-TTL, minutes. */
  refreshMinutes: number;
  /**
   * The UTC years the feed's window covers: the VTIMEZONE of `timeZone` is written for them when
   * no entry brings a zone (an empty calendar still needs a component).
   */
  years?: { from: number; to: number };
  /** METHOD for iTIP messages (invites); absent for feeds. */
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
}
