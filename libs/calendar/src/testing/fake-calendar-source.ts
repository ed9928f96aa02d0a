import { Injectable, Module } from '@nestjs/common';
import type { CalendarEntry, FeedScope, FeedWindow } from '../domain/calendar-entry';
import type { CalendarSource } from '../domain/calendar-source';
import { CalendarSourceProvider } from '../application/calendar-sources';

export interface FakeSourceCall {
  communityId: string;
  scope: FeedScope;
  window: FeedWindow;
}

/**
 * A CalendarSource tests fill by hand: entries per community and scope key (`person:<id>`,
 * `community`, `public-market`, …). Records every question it was asked: `calls` for entries,
 * `versionCalls` for content versions (a digest of exactly what `entries` would answer).
 */
@Injectable()
@CalendarSourceProvider()
export class FakeCalendarSource implements CalendarSource {
  readonly name = 'fake';
  readonly calls: FakeSourceCall[] = [];
  readonly versionCalls: FakeSourceCall[] = [];
  private readonly entriesByKey = new Map<string, CalendarEntry[]>();

  static keyOf(scope: FeedScope): string {
    switch (scope.kind) {
      case 'person':
        return `person:${scope.personId}`;
      case 'organisation':
        return `organisation:${scope.organisationId}`;
      case 'estate':
        return `estate:${scope.estateId}`;
      case 'venue':
        return `venue:${scope.venueId}`;
      case 'public-visits':
        return `public-visits:${scope.estateId}`;
      case 'contributed':
        return `${scope.scopeKind}:${scope.id}`;
      case 'community':
      case 'public-market':
        return scope.kind;
    }
  }

  set(communityId: string, scope: FeedScope, entries: CalendarEntry[]): void {
    this.entriesByKey.set(`${communityId}/${FakeCalendarSource.keyOf(scope)}`, entries);
  }

  supports(): boolean {
    return true;
  }

  async entries(communityId: string, scope: FeedScope, window: FeedWindow): Promise<CalendarEntry[]> {
    this.calls.push({ communityId, scope, window });
    return this.inWindow(communityId, scope, window);
  }

  async contentVersion(communityId: string, scope: FeedScope, window: FeedWindow): Promise<string> {
    this.versionCalls.push({ communityId, scope, window });
    return JSON.stringify(this.inWindow(communityId, scope, window));
  }

  private inWindow(communityId: string, scope: FeedScope, window: FeedWindow): CalendarEntry[] {
    const all = this.entriesByKey.get(`${communityId}/${FakeCalendarSource.keyOf(scope)}`) ?? [];
    return all.filter((entry) => entry.end > window.from && entry.start < window.to);
  }
}

/** Add to startTestApi's extraModules: the calendar discovers the fake source. */
@Module({ providers: [FakeCalendarSource], exports: [FakeCalendarSource] })
export class FakeCalendarSourceModule {}

/** A plausible entry; `uid` and times from the overrides. */
export function makeCalendarEntry(
  overrides: Partial<CalendarEntry> & { uid: string; start: Date },
): CalendarEntry {
  return {
    sequence: 0,
    status: 'CONFIRMED',
    end: new Date(overrides.start.getTime() + 2 * 3_600_000),
    timeZone: 'Asia/Shanghai',
    summary: '城南市集 · 理发',
    location: '社区服务中心',
    lastModified: new Date(overrides.start.getTime() - 7 * 86_400_000),
    ...overrides,
  };
}
