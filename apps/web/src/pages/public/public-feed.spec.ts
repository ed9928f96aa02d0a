import { eventsWithin, feedLinks } from './public-feed';

// As the public feeds write it: local times with a TZID and its VTIMEZONE (CRLF line endings).
const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Linli//test//ZH',
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Shanghai',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'END:STANDARD',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'UID:later@linli',
  'DTSTAMP:20261201T000000Z',
  'DTSTART;TZID=Asia/Shanghai:20261204T090000',
  'DTEND;TZID=Asia/Shanghai:20261204T113000',
  'SUMMARY:幸福号进小区',
  'LOCATION:翡翠龙湾小区',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:sooner@linli',
  'DTSTAMP:20261201T000000Z',
  'DTSTART;TZID=Asia/Shanghai:20261202T140000',
  'DTEND;TZID=Asia/Shanghai:20261202T160000',
  'SUMMARY:城南市集 · 理发',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:cancelled@linli',
  'DTSTAMP:20261201T000000Z',
  'DTSTART;TZID=Asia/Shanghai:20261203T090000',
  'DTEND;TZID=Asia/Shanghai:20261203T100000',
  'SUMMARY:取消的场次',
  'STATUS:CANCELLED',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:next-month@linli',
  'DTSTAMP:20261201T000000Z',
  'DTSTART;TZID=Asia/Shanghai:20270104T090000',
  'DTEND;TZID=Asia/Shanghai:20270104T100000',
  'SUMMARY:下个月',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('eventsWithin', () => {
  const from = new Date('2026-12-01T09:00:00+08:00');

  it('reads the entries of the coming days at their instants, by start, without cancelled ones', () => {
    const events = eventsWithin(ICS, from, 7);
    expect(events.map((e) => [e.uid, e.startsAt.toISOString(), e.location])).toEqual([
      ['sooner@linli', '2026-12-02T06:00:00.000Z', null],
      ['later@linli', '2026-12-04T01:00:00.000Z', '翡翠龙湾小区'],
    ]);
    expect(events[1].title).toBe('幸福号进小区');
    expect(events[1].endsAt.toISOString()).toBe('2026-12-04T03:30:00.000Z');
  });

  it('leaves out what starts after the period', () => {
    expect(eventsWithin(ICS, from, 2).map((e) => e.uid)).toEqual(['sooner@linli']);
  });

  it('reads an empty calendar as nothing announced', () => {
    expect(eventsWithin('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nEND:VCALENDAR\r\n', from, 7)).toEqual(
      [],
    );
  });
});

describe('feedLinks', () => {
  it('gives the https address and the webcal one that opens the calendar app', () => {
    expect(feedLinks('http://192.168.1.20:3000', '/cal/public/chengnan/market.ics')).toEqual({
      https: 'http://192.168.1.20:3000/cal/public/chengnan/market.ics',
      webcal: 'webcal://192.168.1.20:3000/cal/public/chengnan/market.ics',
    });
  });
});
