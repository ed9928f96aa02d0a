import type { CalendarEntry, CalendarMeta, FeedScope, FeedWindow } from '../domain/calendar-entry';
import type { CalendarSource } from '../domain/calendar-source';
import { renderCalendar } from '../domain/ics/render-calendar';
import { makeCalendarEntry } from '../testing/fake-calendar-source';
import type { CalendarSourceRegistry } from './calendar-sources';
import { FeedAssembler, type FeedRequest } from './feed-assembler';
import { RenderedFeedCache } from './rendered-feed-cache';

const START = new Date('2026-12-01T02:00:00Z');
const DAY = 86_400_000;
const scope: FeedScope = { kind: 'person', personId: 'p-1' };
const window: FeedWindow = {
  from: new Date(START.getTime() - 30 * DAY),
  to: new Date(START.getTime() + 180 * DAY),
};
const meta: CalendarMeta = { name: '城南社区 · 我的志愿服务', timeZone: 'Asia/Shanghai', refreshMinutes: 60 };
const since = new Date('2026-11-01T00:00:00Z');

const shift = (uid: string, inDays: number, overrides: Partial<CalendarEntry> = {}) =>
  makeCalendarEntry({
    uid,
    start: new Date(START.getTime() + inDays * DAY),
    lastModified: new Date(START.getTime() - DAY),
    alarmMinutesBefore: [1440, 120],
    ...overrides,
  });

/** A source over a list the test replaces, logging what it was asked, in order. */
class ListSource implements CalendarSource {
  readonly name: string;
  readonly asked: string[] = [];
  contentVersion?: CalendarSource['contentVersion'];

  constructor(
    public list: CalendarEntry[],
    options: { name?: string; versions?: boolean } = {},
  ) {
    this.name = options.name ?? 'list';
    if (options.versions !== false) {
      this.contentVersion = async () => {
        this.asked.push('version');
        return JSON.stringify(this.list);
      };
    }
  }

  supports(): boolean {
    return true;
  }

  async entries(): Promise<CalendarEntry[]> {
    this.asked.push('entries');
    return this.list;
  }
}

function assemblerOver(...sources: CalendarSource[]): FeedAssembler {
  const registry = { for: () => sources } as unknown as CalendarSourceRegistry;
  return new FeedAssembler(registry, renderCalendar, new RenderedFeedCache());
}

const request = (overrides: Partial<FeedRequest> = {}): FeedRequest => ({
  communityId: 'c-1',
  scope,
  window,
  meta,
  since,
  ...overrides,
});

describe('FeedAssembler.feed', () => {
  it('answers an unchanged feed from its content version without loading entries', async () => {
    const source = new ListSource([shift('a@linli', 2), shift('b@linli', 9)]);
    const assembler = assemblerOver(source);
    const first = await assembler.feed(request());
    // On a miss the version is read before the entries (feed-assembler.ts says why).
    expect(source.asked).toEqual(['version', 'entries']);

    const again = await assembler.feed(request());
    expect(source.asked).toEqual(['version', 'entries', 'version']);
    expect(again.content).toBe(first.content);
    expect(again.lastModified).toEqual(first.lastModified);
  });

  it('renders anew when the source’s version changes', async () => {
    const source = new ListSource([shift('a@linli', 2)]);
    const assembler = assemblerOver(source);
    const first = await assembler.feed(request());
    source.list = [shift('a@linli', 2, { sequence: 1, summary: '改到下午' })];
    const changed = await assembler.feed(request());
    expect(changed.content.etag).not.toBe(first.content.etag);
    expect(changed.content.body.toString()).toContain('SUMMARY:改到下午');
    expect(source.asked.filter((q) => q === 'entries')).toHaveLength(2);
  });

  it('keys by the subscriber’s alarms and the calendar meta too', async () => {
    const source = new ListSource([shift('a@linli', 2)]);
    const assembler = assemblerOver(source);
    const own = await assembler.feed(request());
    const alarmed = await assembler.feed(request({ alarmMinutesBefore: [45] }));
    expect(alarmed.content.etag).not.toBe(own.content.etag);
    expect(alarmed.content.body.toString()).toContain('TRIGGER:-PT45M');
    const renamed = await assembler.feed(request({ meta: { ...meta, name: '城南社区 · 家里的平板' } }));
    expect(renamed.content.body.toString()).toContain('X-WR-CALNAME:城南社区 · 家里的平板');
    expect(source.asked.filter((q) => q === 'entries')).toHaveLength(3);
  });

  it('Last-Modified: the latest entry change, or the feed’s own when later', async () => {
    const changedAt = new Date(START.getTime() - 3_600_000);
    const source = new ListSource([shift('a@linli', 2), shift('b@linli', 3, { lastModified: changedAt })]);
    const assembler = assemblerOver(source);
    expect((await assembler.feed(request())).lastModified).toEqual(changedAt);
    const later = new Date(START.getTime());
    expect((await assembler.feed(request({ since: later }))).lastModified).toEqual(later);
    source.list = [];
    expect((await assembler.feed(request())).lastModified).toEqual(since);
  });

  it('loads entries every time when a source has no versions, rendering once per content', async () => {
    const versioned = new ListSource([shift('a@linli', 2)]);
    const plain = new ListSource([shift('b@linli', 3)], { name: 'plain', versions: false });
    const assembler = assemblerOver(versioned, plain);
    const first = await assembler.feed(request());
    const again = await assembler.feed(request());
    expect(versioned.asked).toEqual(['entries', 'entries']);
    expect(plain.asked).toEqual(['entries', 'entries']);
    expect(again.content).toBe(first.content);
    plain.list = [shift('b@linli', 4)];
    expect((await assembler.feed(request())).content.etag).not.toBe(first.content.etag);
  });
});
