// Parses an iCalendar file with the JavaScript parsers real clients use, in whatever TZ this
// process was started with, and prints what each understood as JSON:
//   { tz, offsetMinutes, parsers: { 'ical.js': { <uid>: { start, end, summary, status } }, 'node-ical': {...} } }
// start and end are epoch milliseconds, so they compare as instants. Spawned by client-parsers.spec.ts.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';

const text = readFileSync(process.argv[2], 'utf8');

function withIcalJs() {
  const calendar = new ICAL.Component(ICAL.parse(text));
  // Thunderbird resolves TZIDs from the file's own VTIMEZONEs: register them, as it does.
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(vtimezone);
  }
  const events = {};
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    // An unknown TZID would make the time floating (read in this process's zone): refuse that.
    for (const [name, time] of [
      ['dtstart', event.startDate],
      ['dtend', event.endDate],
    ]) {
      const tzid = vevent.getFirstProperty(name).getParameter('tzid');
      if (tzid && time.zone?.tzid !== tzid) throw new Error(`ical.js: ${event.uid} ${name} not in ${tzid}`);
    }
    events[event.uid] = {
      start: event.startDate.toJSDate().getTime(),
      end: event.endDate.toJSDate().getTime(),
      summary: event.summary,
      status: vevent.getFirstPropertyValue('status'),
      description: event.description,
      location: event.location,
      alarms: vevent
        .getAllSubcomponents('valarm')
        .map((alarm) => alarm.getFirstPropertyValue('trigger').toSeconds() / 60),
    };
  }
  return events;
}

function withNodeIcal() {
  const events = {};
  for (const item of Object.values(nodeIcal.sync.parseICS(text))) {
    if (item.type !== 'VEVENT') continue;
    const value = (v) => (typeof v === 'object' && v !== null && 'val' in v ? v.val : v);
    events[item.uid] = {
      start: item.start.getTime(),
      end: item.end.getTime(),
      summary: value(item.summary),
      status: item.status,
      description: value(item.description),
      location: value(item.location),
    };
  }
  return events;
}

process.stdout.write(
  JSON.stringify({
    tz: process.env.TZ ?? null,
    resolvedZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    offsetMinutes: new Date(Date.UTC(2026, 6, 1)).getTimezoneOffset(),
    parsers: { 'ical.js': withIcalJs(), 'node-ical': withNodeIcal() },
  }),
);
