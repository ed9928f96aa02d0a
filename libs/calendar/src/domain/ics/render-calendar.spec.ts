import type { CalendarEntry, CalendarMeta } from '../calendar-entry';
import { EventCache } from './event-cache';
import { lintIcs } from './lint-ics';
import { renderCalendar } from './render-calendar';
import { renderEvent } from './render-event';
import { FIXTURE_META, fixtureEntries } from './testing/feed-fixture';

/** Content lines with folds undone (what a parser sees). */
const unfolded = (body: string) => body.replace(/\r\n /g, '').split('\r\n').slice(0, -1);

/** The unfolded lines of the VEVENT with this UID. */
function eventLines(body: string, uid: string): string[] {
  const lines = unfolded(body);
  const at = lines.indexOf(`UID:${uid}`);
  return lines.slice(lines.lastIndexOf('BEGIN:VEVENT', at), lines.indexOf('END:VEVENT', at) + 1);
}

const shanghai = (i: number, rest: Partial<CalendarEntry> = {}): CalendarEntry => ({
  uid: `entry-${String(i).padStart(4, '0')}@linli`,
  sequence: 1,
  status: 'CONFIRMED',
  start: new Date(Date.UTC(2026, 9, 1 + (i % 28), 1 + (i % 10))),
  end: new Date(Date.UTC(2026, 9, 1 + (i % 28), 3 + (i % 10))),
  timeZone: 'Asia/Shanghai',
  summary: `第 ${i} 次社区值班`,
  lastModified: new Date(Date.UTC(2026, 8, 1, 0, i)),
  alarmMinutesBefore: [30],
  ...rest,
});

const meta: CalendarMeta = { name: '测试日历', timeZone: 'Asia/Shanghai', refreshMinutes: 60 };

describe('the calendar', () => {
  const body = renderCalendar(fixtureEntries(), FIXTURE_META, new EventCache());

  it('starts with the calendar properties, in the community language, with valid durations', () => {
    expect(unfolded(body).slice(0, 11)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Linli//Linli Calendar//ZH',
      'CALSCALE:GREGORIAN',
      'NAME:城南街道 · 幸福里社区志愿者排班',
      'X-WR-CALNAME:城南街道 · 幸福里社区志愿者排班',
      'DESCRIPTION:我的志愿服务班次（含已取消），每小时更新；如有疑问请联系社区居委会。',
      'X-WR-CALDESC:我的志愿服务班次（含已取消），每小时更新；如有疑问请联系社区居委会。',
      'X-WR-TIMEZONE:Asia/Shanghai',
      'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
      'X-PUBLISHED-TTL:PT1H',
    ]);
    expect(body.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it.each<[CalendarMeta['method'], number, string[]]>([
    [undefined, 60, ['REFRESH-INTERVAL;VALUE=DURATION:PT1H', 'X-PUBLISHED-TTL:PT1H']],
    ['PUBLISH', 30, ['METHOD:PUBLISH', 'REFRESH-INTERVAL;VALUE=DURATION:PT30M', 'X-PUBLISHED-TTL:PT30M']],
    ['REQUEST', 90, ['METHOD:REQUEST', 'X-PUBLISHED-TTL:PT1H30M']],
    ['CANCEL', 1440, ['METHOD:CANCEL', 'X-PUBLISHED-TTL:P1D']],
  ])('METHOD %s and a refresh of %i minutes', (method, refreshMinutes, expected) => {
    const lines = unfolded(renderCalendar([], { ...meta, method, refreshMinutes }, new EventCache()));
    expect(lines).toEqual(expect.arrayContaining(expected));
    expect(lines.some((l) => l.startsWith('METHOD:'))).toBe(method !== undefined);
  });

  it('has a VTIMEZONE for each zone used, and only those', () => {
    const tzids = unfolded(body).filter((l) => l.startsWith('TZID:'));
    expect(tzids).toEqual([
      'TZID:Africa/Casablanca',
      'TZID:America/New_York',
      'TZID:Asia/Gaza',
      'TZID:Asia/Jerusalem',
      'TZID:Asia/Shanghai',
    ]);
  });

  it('writes an entry with every property, times as wall times in its zone', () => {
    expect(eventLines(body, 'shift-0001@linli')).toEqual([
      'BEGIN:VEVENT',
      'UID:shift-0001@linli',
      'SEQUENCE:3',
      'DTSTAMP:20260201T030405Z',
      'LAST-MODIFIED:20260201T030405Z',
      'DTSTART;TZID=Asia/Shanghai:20261018T090000',
      'DTEND;TZID=Asia/Shanghai:20261018T113000',
      'SUMMARY:幸福里社区图书馆值班：整理书架、帮助老人借还书、维护阅览室秩序（周末场）',
      'STATUS:CONFIRMED',
      'LOCATION:城南街道幸福里社区服务中心 2 楼\\, 图书室\\; 东门进',
      'DESCRIPTION:请带上：志愿者证、水杯、口罩；\\n联系人：王阿姨\\, 电话 138-0000-0000\\n' +
        '路径: C:\\\\社区\\\\图书室 (反斜杠测试)\\n' +
        '备注：第一次来的志愿者请提前 15 分钟到达，由老志愿者带领熟悉借还流程。🙂👍\\n' +
        '详情: https://linli.example/shifts/0001',
      'URL:https://linli.example/shifts/0001',
      'CATEGORIES:图书馆,周末\\, 亲子',
      'COLOR:teal',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'TRIGGER:-PT15M',
      'DESCRIPTION:幸福里社区图书馆值班：整理书架、帮助老人借还书、维护阅览室秩序（周末场）',
      'END:VALARM',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'TRIGGER:-PT1H',
      'DESCRIPTION:幸福里社区图书馆值班：整理书架、帮助老人借还书、维护阅览室秩序（周末场）',
      'END:VALARM',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'TRIGGER:-P1D',
      'DESCRIPTION:幸福里社区图书馆值班：整理书架、帮助老人借还书、维护阅览室秩序（周末场）',
      'END:VALARM',
      'END:VEVENT',
    ]);
  });

  it('keeps a cancelled entry, marked 【已取消】 and STATUS:CANCELLED, not blocking time', () => {
    const lines = eventLines(body, 'shift-0002@linli');
    expect(lines).toContain('SUMMARY:【已取消】垃圾分类宣传（因天气取消）');
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('TRANSP:TRANSPARENT');
    expect(lines).toContain('SEQUENCE:5');
  });

  it('does not prefix a summary that already says 【已取消】', () => {
    const entry = shanghai(1, { status: 'CANCELLED', summary: '【已取消】植树' });
    expect(renderEvent(entry)).toContain('SUMMARY:【已取消】植树\r\n');
  });

  it('writes New York times across the DST change as New York wall times', () => {
    expect(eventLines(body, 'ny-before-dst@linli')).toContain(
      'DTSTART;TZID=America/New_York:20260307T100000',
    );
    expect(eventLines(body, 'ny-across-gap@linli')).toEqual(
      expect.arrayContaining([
        'DTSTART;TZID=America/New_York:20260308T010000',
        'DTEND;TZID=America/New_York:20260308T040000',
      ]),
    );
    expect(eventLines(body, 'ny-after-dst@linli')).toContain('DTSTART;TZID=America/New_York:20260309T100000');
  });

  it('writes times in the hour that repeats in UTC, since wall times there are read differently by clients', () => {
    expect(eventLines(body, 'ny-repeated-hour@linli')).toEqual(
      expect.arrayContaining(['DTSTART:20261101T053000Z', 'DTEND:20261101T063000Z']),
    );
  });

  it('orders events by start, then UID', () => {
    const uids = unfolded(body).filter((l) => l.startsWith('UID:'));
    expect(uids).toEqual([
      'UID:ny-before-dst@linli',
      'UID:ny-across-gap@linli',
      'UID:ny-after-dst@linli',
      'UID:shift-0001@linli',
      'UID:shift-0002@linli',
      'UID:ny-repeated-hour@linli',
      'UID:casablanca-ramadan@linli',
      'UID:jerusalem-before-dst@linli',
      'UID:jerusalem-after-dst@linli',
      'UID:casablanca-after@linli',
      'UID:ny-next-year@linli',
      'UID:gaza-summer@linli',
    ]);
    const sameStart = [shanghai(2, { uid: 'b' }), shanghai(2, { uid: 'a' })];
    expect(
      unfolded(renderCalendar(sameStart, meta, new EventCache())).filter((l) => l.startsWith('UID:')),
    ).toEqual(['UID:a', 'UID:b']);
  });

  it('passes our lint', () => {
    expect(lintIcs(body)).toEqual([]);
  });
});

describe('entries the sources should not send, rendered safely', () => {
  it('keeps one VEVENT per UID: the highest SEQUENCE, whatever the input order', () => {
    const older = shanghai(1, { sequence: 1, summary: '旧' });
    const newer = shanghai(1, { sequence: 2, summary: '新' });
    for (const entries of [
      [older, newer],
      [newer, older],
    ]) {
      const lines = unfolded(renderCalendar(entries, meta, new EventCache()));
      expect(lines.filter((l) => l.startsWith('UID:'))).toHaveLength(1);
      expect(lines).toContain('SUMMARY:新');
    }
  });

  it('writes an entry with an unknown zone in UTC rather than failing the feed', () => {
    const body = renderCalendar([shanghai(1, { timeZone: 'Mars/Olympus_Mons' })], meta, new EventCache());
    expect(unfolded(body)).toEqual(
      expect.arrayContaining(['DTSTART:20261002T020000Z', 'DTEND:20261002T040000Z']),
    );
    expect(body).not.toContain('Mars');
    expect(lintIcs(body)).toEqual([]);
  });

  it('leaves out a colour that is not a CSS3 name, and a URL that is not a URI', () => {
    const event = renderEvent(shanghai(1, { color: '#ff0000', url: 'not a url' }));
    expect(event).not.toContain('COLOR');
    expect(event).not.toContain('URL');
  });

  it('writes DTEND no earlier than DTSTART, and alarms once each, ascending, within four weeks', () => {
    const entry = shanghai(1, { alarmMinutesBefore: [60, 15, 15, -5, Number.NaN, 99_999, 10.4] });
    entry.end = new Date(entry.start.getTime() - 3_600_000);
    const lines = unfolded(renderEvent(entry));
    expect(lines.filter((l) => l.startsWith('TRIGGER'))).toEqual([
      'TRIGGER:-PT10M',
      'TRIGGER:-PT15M',
      'TRIGGER:-PT1H',
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        'DTSTART;TZID=Asia/Shanghai:20261002T100000',
        'DTEND;TZID=Asia/Shanghai:20261002T100000',
      ]),
    );
  });

  it('refuses an entry whose dates are not dates', () => {
    expect(() => renderEvent(shanghai(1, { start: new Date('nonsense') }))).toThrow(
      /start is not a valid date/,
    );
  });
});

describe('determinism: the same entries give the same bytes', () => {
  const entries = Array.from({ length: 60 }, (_, i) => shanghai(i));

  it('whatever the input order', () => {
    const reversed = [...entries].reverse();
    const interleaved = entries.filter((_, i) => i % 2).concat(entries.filter((_, i) => i % 2 === 0));
    const first = renderCalendar(entries, meta, new EventCache());
    expect(renderCalendar(reversed, meta, new EventCache())).toBe(first);
    expect(renderCalendar(interleaved, meta, new EventCache())).toBe(first);
  });

  it('from a cold cache and a warm one', () => {
    const cache = new EventCache();
    const cold = renderCalendar(entries, meta, cache);
    expect(renderCalendar(entries, meta, cache)).toBe(cold);
    expect(renderCalendar(entries, meta, new EventCache())).toBe(cold);
  });
});

describe('the per-entry cache', () => {
  const entries = Array.from({ length: 50 }, (_, i) => shanghai(i));

  it('renders every entry once, then none while nothing changes', () => {
    const cache = new EventCache();
    renderCalendar(entries, meta, cache);
    expect(cache.stats).toEqual({ hits: 0, misses: 50, size: 50 });
    renderCalendar(entries, meta, cache);
    expect(cache.stats).toEqual({ hits: 50, misses: 50, size: 50 });
  });

  it('re-renders only the entry whose version changed', () => {
    const cache = new EventCache();
    renderCalendar(entries, meta, cache);
    cache.resetStats();
    const changed = entries.map((e, i) =>
      i === 17
        ? {
            ...e,
            sequence: e.sequence + 1,
            lastModified: new Date(Date.UTC(2026, 8, 20)),
            summary: '改到下午',
          }
        : e,
    );
    const body = renderCalendar(changed, meta, cache);
    expect(cache.stats).toMatchObject({ hits: 49, misses: 1 });
    expect(eventLines(body, entries[17].uid)).toEqual(
      expect.arrayContaining(['SEQUENCE:2', 'SUMMARY:改到下午']),
    );
    expect(body).toBe(renderCalendar(changed, meta, new EventCache()));
  });

  it('renders again for a subscriber with other alarms', () => {
    const cache = new EventCache();
    renderCalendar(entries, meta, cache);
    cache.resetStats();
    renderCalendar(
      entries.map((e) => ({ ...e, alarmMinutesBefore: [60] })),
      meta,
      cache,
    );
    expect(cache.stats).toMatchObject({ hits: 0, misses: 50, size: 100 });
  });

  it('is bounded, dropping the least recently used', () => {
    const hourly = entries.map((e, i) => ({
      ...e,
      start: new Date(Date.UTC(2026, 9, 1, i)),
      end: new Date(Date.UTC(2026, 9, 1, i + 1)),
    }));
    const cache = new EventCache(10);
    renderCalendar(hourly, meta, cache);
    expect(cache.stats.size).toBe(10);
    cache.resetStats();
    renderCalendar(hourly.slice(40), meta, cache);
    expect(cache.stats).toMatchObject({ hits: 10, misses: 0 });
  });
});

describe('the event cache and audiences', () => {
  it('never serves one audience the cached text of another (same UID and version)', () => {
    const cache = new EventCache();
    const base = {
      uid: 'shift-abc@linli',
      sequence: 3,
      status: 'CONFIRMED' as const,
      start: new Date('2026-12-04T01:00:00Z'),
      end: new Date('2026-12-04T03:00:00Z'),
      timeZone: 'Asia/Shanghai',
      summary: '城南市集 · 理发',
      lastModified: new Date('2026-12-01T00:00:00Z'),
    };
    const meta = { name: '城南社区', timeZone: 'Asia/Shanghai', refreshMinutes: 60 };
    const organisers = renderCalendar([{ ...base, description: '联系人 张伟 13800001234' }], meta, cache);
    const publicFeed = renderCalendar([{ ...base, description: null }], meta, cache);
    expect(organisers).toContain('13800001234');
    expect(publicFeed).not.toContain('13800001234');
    const tentative = renderCalendar([{ ...base, status: 'TENTATIVE' as const }], meta, cache);
    expect(tentative).toContain('STATUS:TENTATIVE');
  });
});

// Issue 10, item 14: RFC 5545 wants at least one component in a VCALENDAR; a feed with no
// entries (nothing planned yet, a revoked URL in its grace period) still carries its zone.
describe('an empty calendar', () => {
  it('carries the VTIMEZONE of the calendar’s own zone', () => {
    const lines = unfolded(renderCalendar([], meta, new EventCache()));
    expect(lines).toContain('BEGIN:VTIMEZONE');
    expect(lines).toContain('TZID:Asia/Shanghai');
    expect(lintIcs(lines.join('\r\n') + '\r\n')).toEqual([]);
  });

  it('for the years the feed covers, when it says which', () => {
    const lines = unfolded(
      renderCalendar(
        [],
        { ...meta, timeZone: 'America/New_York', years: { from: 2026, to: 2027 } },
        new EventCache(),
      ),
    );
    expect(lines).toContain('TZID:America/New_York');
    expect(lines).toContain('DTSTART:20260308T020000');
  });
});
