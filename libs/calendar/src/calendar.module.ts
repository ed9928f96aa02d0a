import { DynamicModule, Module, ModuleMetadata, Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CALENDAR_SOURCES, CalendarSource } from './domain/calendar-source';
import type { RenderCalendar } from './domain/render';
import { renderCalendar } from './domain/ics/render-calendar';
import { CalendarSourceRegistry } from './application/calendar-sources';
import { RENDER_CALENDAR } from './application/calendar-tokens';
import { CalendarSubscriptionsService } from './application/calendar-subscriptions.service';
import { FeedAssembler } from './application/feed-assembler';
import { FeedService } from './application/feed.service';
import { RenderedFeedCache } from './application/rendered-feed-cache';
import { FeedSubscriptionsRepository } from './infra/feed-subscriptions.repository';
import { ScopeDirectory } from './infra/scope-directory';

export interface CalendarModuleOptions {
  /** Modules that provide and export the sources (e.g. VolunteeringModule for ShiftCalendarSource). */
  imports?: ModuleMetadata['imports'];
  /**
   * CalendarSource classes exported by `imports`; injected, not instantiated again. Providers
   * marked @CalendarSourceProvider() in any module are found as well.
   */
  sources?: Type<CalendarSource>[];
  /** Tests and benchmarks may swap the renderer. */
  render?: RenderCalendar;
}

const services = [CalendarSubscriptionsService, FeedService, FeedAssembler, CalendarSourceRegistry];

/** Feed subscriptions and serving. No HTTP: CalendarApiModule is its face. */
@Module({})
export class CalendarModule {
  static register(options: CalendarModuleOptions = {}): DynamicModule {
    const sources = options.sources ?? [];
    return {
      module: CalendarModule,
      imports: [DiscoveryModule, ...(options.imports ?? [])],
      providers: [
        ...services,
        { provide: CALENDAR_SOURCES, useFactory: (...found: CalendarSource[]) => found, inject: sources },
        { provide: RENDER_CALENDAR, useValue: options.render ?? renderCalendar },
        RenderedFeedCache,
        FeedSubscriptionsRepository,
        ScopeDirectory,
      ],
      exports: [...services, CALENDAR_SOURCES, RenderedFeedCache],
    };
  }
}
