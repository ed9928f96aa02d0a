import { Injectable } from '@nestjs/common';

export interface CachedBody {
  body: string;
  etag: string;
}

/** Bounded by count and by characters held; a feed of 1,000 entries is about half a megabyte. */
const MAX_BODIES = 2_000;
const MAX_CHARS = 64 * 1024 * 1024;

/**
 * Rendered bodies by the fingerprint of what they were rendered from (entries and calendar meta).
 * Rendering is deterministic, so equal fingerprints mean equal bytes: a feed that did not change
 * is answered (200 or 304) without rendering again. Per process, least recently used out first.
 */
@Injectable()
export class RenderedFeedCache {
  private readonly bodies = new Map<string, CachedBody>();
  private chars = 0;

  get(fingerprint: string): CachedBody | undefined {
    const hit = this.bodies.get(fingerprint);
    if (hit) {
      this.bodies.delete(fingerprint);
      this.bodies.set(fingerprint, hit);
    }
    return hit;
  }

  set(fingerprint: string, value: CachedBody): void {
    if (value.body.length > MAX_CHARS / 4) return;
    this.remove(fingerprint);
    this.bodies.set(fingerprint, value);
    this.chars += value.body.length;
    for (const oldest of this.bodies.keys()) {
      if (this.bodies.size <= MAX_BODIES && this.chars <= MAX_CHARS) break;
      this.remove(oldest);
    }
  }

  clear(): void {
    this.bodies.clear();
    this.chars = 0;
  }

  get size(): number {
    return this.bodies.size;
  }

  private remove(fingerprint: string): void {
    const old = this.bodies.get(fingerprint);
    if (!old) return;
    this.bodies.delete(fingerprint);
    this.chars -= old.body.length;
  }
}
