import { Injectable, Module } from '@nestjs/common';
import type { CalendarScopes } from '../domain/calendar-scopes';
import { CalendarScopeProvider } from '../application/calendar-scope-registry';

/**
 * A context's contributed scope kind, as a test stands it in: `market-stall`, whose ids are the
 * ones a test adds per community. With FakeCalendarSource it shows a kind working end to end
 * without the calendar knowing it.
 */
@Injectable()
@CalendarScopeProvider()
export class FakeCalendarScopes implements CalendarScopes {
  static readonly KIND = 'market-stall';
  readonly name = 'fake';
  readonly kinds = [FakeCalendarScopes.KIND];
  private readonly ids = new Set<string>();

  add(communityId: string, id: string): void {
    this.ids.add(`${communityId}/${id}`);
  }

  async exists(communityId: string, _kind: string, id: string): Promise<boolean> {
    return this.ids.has(`${communityId}/${id}`);
  }
}

/** Add to startTestApi's extraModules: the calendar discovers the fake kind. */
@Module({ providers: [FakeCalendarScopes], exports: [FakeCalendarScopes] })
export class FakeCalendarScopesModule {}
