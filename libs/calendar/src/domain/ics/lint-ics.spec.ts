import { lintIcs } from './lint-ics';
import { renderCalendar } from './render-calendar';
import { EventCache } from './event-cache';
import { FIXTURE_META, fixtureEntries } from './testing/feed-fixture';

const valid = renderCalendar(fixtureEntries(), FIXTURE_META, new EventCache());

/** Replaces the first match, failing loudly when the fixture no longer has it. */
function mutate(body: string, find: string | RegExp, replacement: string): string {
  const changed = body.replace(find, replacement);
  if (changed === body) throw new Error(`fixture has no ${String(find)}`);
  return changed;
}

it('our own feed passes', () => {
  expect(lintIcs(valid)).toEqual([]);
});

it.each<[string, (body: string) => string, RegExp]>([
  ['LF line endings', (b) => b.replace(/\r\n/g, '\n'), /bare CR or LF/],
  ['one bare LF', (b) => mutate(b, 'VERSION:2.0\r\n', 'VERSION:2.0\n'), /line 2: bare CR or LF/],
  ['no CRLF at the end', (b) => b.slice(0, -2), /does not end with CRLF/],
  ['a line over 75 octets', (b) => mutate(b, /SUMMARY:([^\r]*)\r\n /, 'SUMMARY:$1'), /octets \(over 75\)/],
  [
    'an emoji split by a fold',
    (b) => mutate(b, 'X-WR-CALNAME:城南', 'X-WR-CALNAME:城\ud83d\r\n \ude00南'),
    /lone surrogate/,
  ],
  [
    'a TZID with no VTIMEZONE',
    (b) => mutate(b, /BEGIN:VTIMEZONE\r\nTZID:Asia\/Shanghai[\s\S]*?END:VTIMEZONE\r\n/, ''),
    /TZID Asia\/Shanghai has no VTIMEZONE/,
  ],
  [
    'a floating DTSTAMP',
    (b) => mutate(b, /DTSTAMP:(\d{8}T\d{6})Z/, 'DTSTAMP:$1'),
    /DTSTAMP.*not a UTC date-time/,
  ],
  [
    'a floating LAST-MODIFIED',
    (b) => mutate(b, /LAST-MODIFIED:(\d{8}T\d{6})Z/, 'LAST-MODIFIED:$1'),
    /LAST-MODIFIED.*not a UTC date-time/,
  ],
  [
    'a floating UNTIL',
    (b) => mutate(b, 'STATUS:TENTATIVE', 'STATUS:TENTATIVE\r\nRRULE:FREQ=DAILY;UNTIL=20261231T090000'),
    /UNTIL 20261231T090000 is not in UTC/,
  ],
  ['a VEVENT without UID', (b) => mutate(b, /UID:shift-0001@linli\r\n/, ''), /0 UID properties, expected 1/],
  [
    'a VEVENT with two UIDs',
    (b) => mutate(b, 'UID:shift-0001@linli\r\n', 'UID:shift-0001@linli\r\nUID:other@linli\r\n'),
    /2 UID properties/,
  ],
  [
    'two VEVENTs with one UID',
    (b) => mutate(b, 'UID:shift-0002@linli', 'UID:shift-0001@linli'),
    /UID shift-0001@linli already used/,
  ],
  [
    'P1H as a refresh interval',
    (b) => mutate(b, 'REFRESH-INTERVAL;VALUE=DURATION:PT1H', 'REFRESH-INTERVAL;VALUE=DURATION:P1H'),
    /"P1H" is not a valid duration/,
  ],
  [
    'P1H as a TTL',
    (b) => mutate(b, 'X-PUBLISHED-TTL:PT1H', 'X-PUBLISHED-TTL:P1H'),
    /"P1H" is not a valid duration/,
  ],
  [
    'minutes without T in a trigger',
    (b) => mutate(b, 'TRIGGER:-PT15M', 'TRIGGER:-P15M'),
    /"-P15M" is not a valid duration/,
  ],
  [
    'hours then seconds',
    (b) => mutate(b, 'TRIGGER:-PT15M', 'TRIGGER:-PT1H5S'),
    /"-PT1H5S" is not a valid duration/,
  ],
  ['a missing END:VALARM', (b) => mutate(b, 'END:VALARM\r\n', ''), /END:VEVENT closes BEGIN:VALARM/],
  ['a missing END:VCALENDAR', (b) => mutate(b, 'END:VCALENDAR\r\n', ''), /unclosed: BEGIN:VCALENDAR/],
  [
    'a line without a colon',
    (b) => mutate(b, 'CALSCALE:GREGORIAN', 'CALSCALE GREGORIAN'),
    /not a content line/,
  ],
])('finds %s', (_name, breakIt, problem) => {
  const problems = lintIcs(breakIt(valid));
  expect(problems).toContainEqual(expect.stringMatching(problem));
});

it.each(['PT1H', '-PT15M', 'P1D', 'P2W', 'P1DT2H', 'PT1H30M', 'PT1H30M5S', 'PT0S', '+PT5M'])(
  'accepts the duration %s',
  (duration) => {
    expect(lintIcs(valid.replace('TRIGGER:-PT15M', `TRIGGER:${duration}`))).toEqual([]);
  },
);

it('accepts a TZID given in quotes and a UTC TRIGGER', () => {
  const body = valid
    .replace('DTSTART;TZID=Asia/Shanghai:', 'DTSTART;TZID="Asia/Shanghai":')
    .replace('TRIGGER:-PT15M', 'TRIGGER;VALUE=DATE-TIME:20261018T004500Z');
  expect(lintIcs(body)).toEqual([]);
});
