import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/**
 * A rendered body and what answering with it needs. Its gzip form is made the first time a client
 * asks for it (off the event loop, in libuv's pool) and kept with it.
 */
export class FeedContent {
  /** Quoted base64url SHA-256 of the body: the strong validator of the identity encoding. */
  readonly etag: string;
  private gzipped?: Promise<Buffer>;

  constructor(
    /** UTF-8 bytes, made once: answers write them as they are. */
    readonly body: Buffer,
    /** The latest entry lastModified (epoch ms); null for a calendar without entries. */
    readonly entriesModifiedAt: number | null,
    readonly entryCount: number,
  ) {
    this.etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
  }

  static of(text: string, entriesModifiedAt: number | null, entryCount: number): FeedContent {
    return new FeedContent(Buffer.from(text, 'utf8'), entriesModifiedAt, entryCount);
  }

  /** Deterministic for the same body (same level, no name or time in the header). */
  gzip(): Promise<Buffer> {
    this.gzipped ??= gzipAsync(this.body, { level: 9 }).catch((error: unknown) => {
      this.gzipped = undefined;
      throw error;
    });
    return this.gzipped;
  }
}

/** Bounded by count and by bytes held; a feed of 1,000 entries is about 800 KB (100 KB gzipped). */
const MAX_FEEDS = 20_000;
const MAX_BYTES = 64 * 1024 * 1024;
/** Room charged for a body's gzip form, made later: calendars compress 6-8 times. */
const sizeOf = (content: FeedContent) => content.body.length + Math.ceil(content.body.length / 4);

/**
 * Rendered feeds by a key that fixes their bytes: the content key (sources' content versions,
 * calendar meta, the subscriber's alarms), or a fingerprint of the entries for sources without
 * versions. Rendering is deterministic, so equal keys mean equal bytes. Per process, least recently
 * used out first: a key this process made always stands for bytes this process's code rendered,
 * so a new release (another renderer) starts empty and cannot answer with an old validator.
 */
@Injectable()
export class RenderedFeedCache {
  private readonly feeds = new Map<string, FeedContent>();
  private bytes = 0;

  get(key: string): FeedContent | undefined {
    const hit = this.feeds.get(key);
    if (hit) {
      this.feeds.delete(key);
      this.feeds.set(key, hit);
    }
    return hit;
  }

  set(key: string, content: FeedContent): void {
    if (sizeOf(content) > MAX_BYTES / 4) return;
    this.remove(key);
    this.feeds.set(key, content);
    this.bytes += sizeOf(content);
    for (const oldest of this.feeds.keys()) {
      if (this.feeds.size <= MAX_FEEDS && this.bytes <= MAX_BYTES) break;
      this.remove(oldest);
    }
  }

  clear(): void {
    this.feeds.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.feeds.size;
  }

  private remove(key: string): void {
    const old = this.feeds.get(key);
    if (!old) return;
    this.feeds.delete(key);
    this.bytes -= sizeOf(old);
  }
}
