import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CalendarEntry, CalendarMeta, FeedScope, FeedWindow } from '../domain/calendar-entry';
import type { RenderCalendar } from '../domain/render';
import { withSubscriberAlarms } from '../domain/subscriber-alarms';
import { CalendarSourceRegistry } from './calendar-sources';
import { feedFingerprint } from './feed-fingerprint';
import { RENDER_CALENDAR } from './calendar-tokens';
import { FeedContent, RenderedFeedCache } from './rendered-feed-cache';

/** What an HTTP answer needs: the bytes with their validator, and when they last changed. */
export interface RenderedFeed {
  content: FeedContent;
  lastModified: Date;
}

/** One feed as its request asks for it. */
export interface FeedRequest {
  communityId: string;
  scope: FeedScope;
  window: FeedWindow;
  meta: CalendarMeta;
  /** The subscriber's reminder offsets (withSubscriberAlarms); undefined: the sources' own. */
  alarmMinutesBefore?: readonly number[];
  /** The feed's own changes no entry records (creation, content changes seen). */
  since: Date;
}

/** A feed is bounded like every list: beyond this the latest-starting entries are left out (and logged). */
export const MAX_FEED_ENTRIES = 20_000;

/**
 * Gathers a scope's entries from every source that supports it, in a deterministic order, and
 * renders them once per distinct content. A feed whose sources all publish content versions is
 * answered from its content key without loading an entry while it is unchanged.
 */
@Injectable()
export class FeedAssembler {
  private readonly logger = new Logger(FeedAssembler.name);

  constructor(
    private readonly sources: CalendarSourceRegistry,
    @Inject(RENDER_CALENDAR) private readonly renderCalendar: RenderCalendar,
    private readonly cache: RenderedFeedCache,
  ) {}

  /**
   * `known`: the request's contentKey when the caller read it already (alongside other work). The
   * content key is read before the entries, never after: the body cached under a key is then
   * at least as new as the state the key was read from, so a key never stands for content older
   * than what any request that reads it has seen (a 304 is never staler than its own read).
   */
  async feed(request: FeedRequest, known?: string | null): Promise<RenderedFeed> {
    const key = known === undefined ? await this.contentKey(request) : known;
    const cached = key === null ? undefined : this.cache.get(key);
    if (cached) return answer(cached, request.since);
    const entries = withSubscriberAlarms(
      await this.entries(request.communityId, request.scope, request.window),
      request.alarmMinutesBefore,
    );
    return answer(this.content(entries, request.meta, key), request.since);
  }

  /** A calendar of given entries (a revoked feed's empty one), cached by their fingerprint. */
  render(entries: CalendarEntry[], meta: CalendarMeta, since: Date): RenderedFeed {
    return answer(this.content(entries, meta, null), since);
  }

  /**
   * Sources are asked in parallel. A failing source fails the feed: a partial feed would make
   * clients delete the missing events.
   */
  async entries(communityId: string, scope: FeedScope, window: FeedWindow): Promise<CalendarEntry[]> {
    const lists = await Promise.all(
      this.sources.for(scope).map((source) => source.entries(communityId, scope, window)),
    );
    const byUid = new Map<string, CalendarEntry>();
    for (const entry of lists.flat()) {
      const seen = byUid.get(entry.uid);
      if (!seen || isNewer(entry, seen)) byUid.set(entry.uid, entry);
    }
    const entries = [...byUid.values()].sort(byStartThenUid);
    if (entries.length > MAX_FEED_ENTRIES) {
      this.logger.warn({ scope: scope.kind, count: entries.length }, 'feed truncated to its entry limit');
      entries.length = MAX_FEED_ENTRIES;
    }
    return entries;
  }

  /**
   * Everything the bytes depend on besides the code: the scope, the calendar meta, the alarms, and
   * each source's content version (one query each, in parallel). Null when a source has no
   * versions: then only its entries can tell.
   */
  async contentKey(request: FeedRequest): Promise<string | null> {
    const sources = this.sources.for(request.scope);
    if (sources.some((source) => !source.contentVersion)) return null;
    const versions = await Promise.all(
      sources.map(async (source) => [
        source.name,
        await source.contentVersion!(request.communityId, request.scope, request.window),
      ]),
    );
    const parts = [request.scope, request.meta, request.alarmMinutesBefore ?? null, versions];
    return `v:${createHash('sha256').update(JSON.stringify(parts), 'utf8').digest('base64url')}`;
  }

  private content(entries: CalendarEntry[], meta: CalendarMeta, key: string | null): FeedContent {
    const cacheKey = key ?? `f:${feedFingerprint(entries, meta)}`;
    let content = this.cache.get(cacheKey);
    if (!content) {
      let modifiedAt: number | null = null;
      for (const entry of entries) modifiedAt = Math.max(modifiedAt ?? 0, entry.lastModified.getTime());
      content = FeedContent.of(this.renderCalendar(entries, meta), modifiedAt, entries.length);
      this.cache.set(cacheKey, content);
    }
    return content;
  }
}

function answer(content: FeedContent, since: Date): RenderedFeed {
  const lastModified = Math.max(since.getTime(), content.entriesModifiedAt ?? 0);
  return { content, lastModified: new Date(lastModified) };
}

function isNewer(a: CalendarEntry, b: CalendarEntry): boolean {
  return a.sequence !== b.sequence
    ? a.sequence > b.sequence
    : a.lastModified.getTime() > b.lastModified.getTime();
}

function byStartThenUid(a: CalendarEntry, b: CalendarEntry): number {
  return a.start.getTime() - b.start.getTime() || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0);
}
