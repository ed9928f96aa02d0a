import { createHash } from 'node:crypto';
import type { CalendarEntry } from '@linli/calendar';

/** The category every shift carries; the origin adds its own. */
export const VOLUNTEERING_CATEGORY = '志愿服务';
const ORIGIN_CATEGORIES: Record<string, string> = {
  market_session: '市集',
  vehicle_visit: '流动服务车',
};
/** Summary prefix of a place on the waitlist (STATUS:TENTATIVE). */
export const WAITLIST_PREFIX = '【候补】';
/** The reminder preference until people can choose one: a day and two hours before. */
export const DEFAULT_ALARM_MINUTES = [1440, 120];

/**
 * The shift's UID in every feed and every invite: stable forever, opaque (a digest of the shift's
 * id, never a person's), the same for everyone, so an invite and a feed entry are one event.
 */
export function shiftCalendarUid(shiftId: string): string {
  return `shift-${createHash('sha256').update(shiftId).digest('hex').slice(0, 24)}@linli`;
}

/** What a calendar entry says about a shift. */
export interface ShiftCalendarFacts {
  id: string;
  title: string;
  description: string | null;
  locationText: string | null;
  estateName: string | null;
  originContext: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  version: number;
  updatedAt: Date;
  cancelled: boolean;
}

/**
 * Who looks at the entry:
 * - personal: the person on the shift (their place: confirmed, waitlisted or cancelled);
 * - organisers: organisers and coordinators (community, estate, organisation feeds);
 * - public: anyone: no description, no link, nothing about who is on it.
 */
export type ShiftEntryView =
  | {
      audience: 'personal';
      place: 'confirmed' | 'waitlisted' | 'cancelled';
      /** When the person's place last changed (LAST-MODIFIED when later than the shift's change). */
      placeChangedAt?: Date;
      alarmMinutesBefore?: number[];
    }
  | { audience: 'organisers' }
  | { audience: 'public' };

/** A shift as a calendar entry. `baseUrl`: the app's origin for the link back ('' for none). */
export function shiftCalendarEntry(
  shift: ShiftCalendarFacts,
  view: ShiftEntryView,
  baseUrl: string,
): CalendarEntry {
  const personal = view.audience === 'personal' ? view : null;
  const cancelled = shift.cancelled || personal?.place === 'cancelled';
  const waitlisted = !cancelled && personal?.place === 'waitlisted';
  const link = baseUrl ? `${baseUrl}/shifts/${shift.id}` : null;
  const origin = shift.originContext ? ORIGIN_CATEGORIES[shift.originContext] : undefined;
  let lastModified = shift.updatedAt;
  if (personal?.placeChangedAt && personal.placeChangedAt > lastModified)
    lastModified = personal.placeChangedAt;
  const entry: CalendarEntry = {
    uid: shiftCalendarUid(shift.id),
    sequence: shift.version,
    status: cancelled ? 'CANCELLED' : waitlisted ? 'TENTATIVE' : 'CONFIRMED',
    start: shift.startsAt,
    end: shift.endsAt,
    timeZone: shift.timeZone,
    summary: waitlisted ? `${WAITLIST_PREFIX}${shift.title}` : shift.title,
    location: location(shift),
    categories: origin ? [VOLUNTEERING_CATEGORY, origin] : [VOLUNTEERING_CATEGORY],
    lastModified,
  };
  if (view.audience !== 'public') {
    entry.description =
      [shift.description?.trim(), link ? `详情 Details: ${link}` : null]
        .filter((part) => part)
        .join('\n\n') || null;
    entry.url = link;
  }
  // Reminders for a place the person holds: none for the waitlist or a cancelled shift.
  if (personal && !cancelled && !waitlisted) {
    entry.alarmMinutesBefore = personal.alarmMinutesBefore ?? DEFAULT_ALARM_MINUTES;
  }
  return entry;
}

/** The estate and the spot within it, e.g. 桂花苑 · 3号楼前; either alone when that is all there is. */
function location(shift: ShiftCalendarFacts): string | null {
  const place = shift.locationText?.trim() || null;
  const estate = shift.estateName?.trim() || null;
  if (place && estate && !place.includes(estate)) return `${estate} · ${place}`;
  return place ?? estate;
}
