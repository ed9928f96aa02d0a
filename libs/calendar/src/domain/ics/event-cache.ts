import type { CalendarEntry } from '../calendar-entry';

export interface EventCacheStats {
  hits: number;
  misses: number;
  size: number;
}

/**
 * Rendered VEVENTs by entry version, least recently used dropped first. The key is what the
 * entry's source promises to change whenever the event's content changes (UID, SEQUENCE,
 * LAST-MODIFIED) plus the subscriber's alarms, which differ between feeds of one entry.
 */
export class EventCache {
  private readonly events = new Map<string, string>();
  private hitCount = 0;
  private missCount = 0;

  constructor(readonly maxEntries = 20_000) {}

  /**
   * The key covers everything rendered, not only UID and SEQUENCE: the same shift at the same
   * version is rendered differently for different audiences (the public feed leaves out the
   * description organisers see; a waitlisted person sees it as tentative), and one must never be
   * served the other's cached text.
   */
  static keyOf(entry: CalendarEntry, alarms: readonly number[]): string {
    const content = JSON.stringify([
      entry.status,
      entry.start.getTime(),
      entry.end.getTime(),
      entry.timeZone,
      entry.summary,
      entry.location ?? null,
      entry.description ?? null,
      entry.url ?? null,
      entry.categories ?? null,
      entry.color ?? null,
    ]);
    // The content itself, not a digest of it: hashing cost more than the lookup saves.
    return `${entry.uid}\u0000${entry.sequence}\u0000${entry.lastModified.getTime()}\u0000${alarms.join(',')}\u0000${content}`;
  }

  /** The cached body for the key, or `render()`'s result, stored. */
  get(key: string, render: () => string): string {
    const cached = this.events.get(key);
    if (cached !== undefined) {
      this.hitCount++;
      // Map keeps insertion order: re-inserting makes this the most recently used.
      this.events.delete(key);
      this.events.set(key, cached);
      return cached;
    }
    this.missCount++;
    const rendered = render();
    this.events.set(key, rendered);
    if (this.events.size > this.maxEntries) {
      this.events.delete(this.events.keys().next().value as string);
    }
    return rendered;
  }

  get stats(): EventCacheStats {
    return { hits: this.hitCount, misses: this.missCount, size: this.events.size };
  }

  resetStats(): void {
    this.hitCount = 0;
    this.missCount = 0;
  }

  clear(): void {
    this.events.clear();
    this.resetStats();
  }
}
