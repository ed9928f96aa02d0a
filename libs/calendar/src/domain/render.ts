import type { CalendarEntry, CalendarMeta } from './calendar-entry';

/**
 * Renders a whole iCalendar body (CRLF, folded at 75 octets, TEXT escaped, one VEVENT per entry,
 * a VTIMEZONE per TZID used). Deterministic: the same entries give the same bytes, so ETags work.
 * Implemented in ./ics/ (see ics/render-calendar.ts).
 */
export type RenderCalendar = (entries: CalendarEntry[], meta: CalendarMeta) => string;
