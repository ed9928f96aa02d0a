import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CalendarEntry, CalendarMeta, FeedScope, FeedWindow } from '../domain/calendar-entry';
import type { RenderCalendar } from '../domain/render';
import { CalendarSourceRegistry } from './calendar-sources';
import { feedFingerprint } from './feed-fingerprint';
import { RENDER_CALENDAR } from './calendar-tokens';
import { RenderedFeedCache } from './rendered-feed-cache';

/** What an HTTP answer needs: the bytes, their strong validator and when they last changed. */
export interface RenderedFeed {
  body: string;
  /** Quoted base64url SHA-256 of the body. */
  etag: string;
  lastModified: Date;
  entryCount: number;
}

/** A feed is bounded like every list: beyond this the latest-starting entries are left out (and logged). */
export const MAX_FEED_ENTRIES = 20_000;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64url');

/**
 * Gathers a scope's entries from every source that supports it, in a deterministic order, and
 * renders them once per distinct content.
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

  /** `since`: the feed's own changes no entry records (creation, content changes seen). */
  render(entries: CalendarEntry[], meta: CalendarMeta, since: Date): RenderedFeed {
    const fingerprint = feedFingerprint(entries, meta);
    let cached = this.cache.get(fingerprint);
    if (!cached) {
      const body = this.renderCalendar(entries, meta);
      cached = { body, etag: `"${sha256(body)}"` };
      this.cache.set(fingerprint, cached);
    }
    let lastModified = since.getTime();
    for (const entry of entries) lastModified = Math.max(lastModified, entry.lastModified.getTime());
    return { ...cached, lastModified: new Date(lastModified), entryCount: entries.length };
  }
}

function isNewer(a: CalendarEntry, b: CalendarEntry): boolean {
  return a.sequence !== b.sequence
    ? a.sequence > b.sequence
    : a.lastModified.getTime() > b.lastModified.getTime();
}

function byStartThenUid(a: CalendarEntry, b: CalendarEntry): number {
  return a.start.getTime() - b.start.getTime() || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0);
}
