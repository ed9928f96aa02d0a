import ICAL from 'ical.js';

/** One date of a public calendar (a market session, a vehicle's visit): what, where, when. */
export interface PublicEvent {
  uid: string;
  title: string;
  location: string | null;
  startsAt: Date;
  endsAt: Date;
}

/**
 * The entries of a public feed (text/calendar) that end after `from` and start before `from` +
 * `days`, by start. The feed is what a phone subscribes to, so the page shows exactly what the
 * subscribed calendar will; its times carry a TZID with a VTIMEZONE, read by ical.js (the
 * parser Thunderbird uses). Cancelled entries stay in feeds until they end; they are left out.
 */
export function eventsWithin(ics: string, from: Date, days: number): PublicEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    const tzid = vtimezone.getFirstPropertyValue('tzid');
    if (typeof tzid === 'string' && !ICAL.TimezoneService.has(tzid)) ICAL.TimezoneService.register(vtimezone);
  }
  const until = from.getTime() + days * 86_400_000;
  return calendar
    .getAllSubcomponents('vevent')
    .filter((vevent) => vevent.getFirstPropertyValue('status') !== 'CANCELLED')
    .map((vevent) => {
      const event = new ICAL.Event(vevent);
      return {
        uid: event.uid,
        title: event.summary,
        location: event.location || null,
        startsAt: event.startDate.toJSDate(),
        endsAt: event.endDate.toJSDate(),
      };
    })
    .filter((event) => event.endsAt.getTime() > from.getTime() && event.startsAt.getTime() < until)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** The https and webcal addresses of a public feed on this site (webcal opens the phone's calendar). */
export function feedLinks(origin: string, path: string): { https: string; webcal: string } {
  const https = `${origin}${path}`;
  return { https, webcal: https.replace(/^https?:/, 'webcal:') };
}
