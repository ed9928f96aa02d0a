import type { CalendarEntry } from './calendar-entry';
import type { InviteMethod } from './invite-decisions';
import type { InviteRecipient } from './invite-planner';
import { EventCache } from './ics/event-cache';
import { renderCalendar } from './ics/render-calendar';
import { joinLines } from './ics/ics-text';

/** Who the invites come from: ORGANIZER of every iTIP message. */
export interface InviteOrganizer {
  name: string;
  email: string;
}

/** The name an invite carries when the sender address has none. */
const DEFAULT_ORGANIZER_NAME = '邻里 Linli';

/**
 * The ORGANIZER of the invites mail carries, from the mail's sender (`MAIL_FROM`: `"Name" <a@b>`,
 * `Name <a@b>` or `a@b`). RFC 6047 wants the two to agree: clients check that an iTIP message
 * comes from its ORGANIZER, and replies go there.
 */
export function inviteOrganizer(mailFrom: string): InviteOrganizer {
  const angle = /^\s*(.*?)\s*<([^<>]+)>\s*$/.exec(mailFrom);
  if (!angle) return { name: DEFAULT_ORGANIZER_NAME, email: mailFrom.trim() };
  let name = angle[1];
  if (name.startsWith('"') && name.endsWith('"') && name.length >= 2) {
    name = name.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return { name: name.trim() || DEFAULT_ORGANIZER_NAME, email: angle[2].trim() };
}

// A parameter value is quoted; DQUOTE and controls cannot appear in it at all (RFC 5545 3.2).
const withoutControls = (value: string) =>
  [...value].filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f).join('');
const paramValue = (value: string) => `"${withoutControls(value).replace(/"/g, '')}"`;
const mailto = (email: string) => `mailto:${withoutControls(email).replace(/\s/g, '')}`;

/**
 * An iTIP message (RFC 5546) for one person and one entry: METHOD:REQUEST to add or update it in
 * their calendar, METHOD:CANCEL (STATUS:CANCELLED) to take it out. The VEVENT is the feed's, with
 * the SEQUENCE decided for this person, plus the ORGANIZER and ATTENDEE that iTIP requires (the
 * person took the place themselves: PARTSTAT=ACCEPTED, no RSVP asked).
 */
export function renderInvite(
  entry: CalendarEntry,
  method: InviteMethod,
  sequence: number,
  recipient: InviteRecipient,
  organizer: InviteOrganizer,
): string {
  const event: CalendarEntry = {
    ...entry,
    sequence,
    status: method === 'CANCEL' ? 'CANCELLED' : entry.status,
    alarmMinutesBefore: method === 'CANCEL' ? [] : entry.alarmMinutesBefore,
  };
  // A private cache: the shared one is keyed for feeds, and a message is rendered once.
  const body = renderCalendar(
    [event],
    { name: organizer.name, timeZone: entry.timeZone, refreshMinutes: 60, method },
    new EventCache(1),
  );
  const parties = joinLines([
    `ORGANIZER;CN=${paramValue(organizer.name)}:${mailto(organizer.email)}`,
    `ATTENDEE;CN=${paramValue(recipient.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:${mailto(recipient.email)}`,
  ]);
  // Properties before the VALARMs: right after BEGIN:VEVENT.
  return withoutFeedProperties(body).replace('BEGIN:VEVENT\r\n', `BEGIN:VEVENT\r\n${parties}`);
}

const FEED_ONLY = /^(NAME|X-WR-CALNAME|X-WR-CALDESC|X-WR-TIMEZONE|REFRESH-INTERVAL|X-PUBLISHED-TTL)[:;]/;

/**
 * A message is not a subscribed calendar: its name, refresh interval and default zone are left
 * out (some clients offer to import a file that has them as a new calendar).
 */
function withoutFeedProperties(body: string): string {
  const lines = body.split('\r\n');
  const out: string[] = [];
  let inHeader = true;
  let dropping = false;
  for (const line of lines) {
    if (inHeader && line.startsWith('BEGIN:') && line !== 'BEGIN:VCALENDAR') inHeader = false;
    if (inHeader && line.startsWith(' ')) {
      if (!dropping) out.push(line);
      continue;
    }
    dropping = inHeader && FEED_ONLY.test(line);
    if (!dropping) out.push(line);
  }
  return out.join('\r\n');
}
