import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { CALENDAR_SOURCES, CalendarSource } from '../domain/calendar-source';
import type { FeedScope } from '../domain/calendar-entry';

/**
 * Marks a provider, in any module, as a CalendarSource: the calendar finds it at boot. The other
 * way in is `CalendarModule.register({ sources: [...] })`; both end up here.
 */
export const CalendarSourceProvider = DiscoveryService.createDecorator<void>();

/** Every CalendarSource the application has, whichever way it was registered. */
@Injectable()
export class CalendarSourceRegistry implements OnModuleInit {
  private readonly logger = new Logger(CalendarSourceRegistry.name);
  private sources: CalendarSource[] = [];

  constructor(
    @Inject(CALENDAR_SOURCES) private readonly registered: CalendarSource[],
    private readonly discovery: DiscoveryService,
  ) {}

  onModuleInit(): void {
    const discovered = this.discovery
      .getProviders({ metadataKey: CalendarSourceProvider.KEY })
      .map((wrapper) => wrapper.instance as CalendarSource | undefined)
      .filter((instance): instance is CalendarSource => instance !== undefined && instance !== null);
    this.sources = [...new Set([...this.registered, ...discovered])];
    this.logger.debug(`calendar sources: ${this.sources.map((s) => s.name).join(', ') || '(none)'}`);
  }

  all(): readonly CalendarSource[] {
    return this.sources;
  }

  for(scope: FeedScope): CalendarSource[] {
    return this.sources.filter((source) => source.supports(scope));
  }
}
