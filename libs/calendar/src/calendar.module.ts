import { DynamicModule, Module, ModuleMetadata, Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { IdentityModule } from '@linli/identity';
import { CALENDAR_SOURCES, CalendarSource } from './domain/calendar-source';
import type { RenderCalendar } from './domain/render';
import { renderCalendar } from './domain/ics/render-calendar';
import { CalendarSourceRegistry } from './application/calendar-sources';
import { CalendarScopeRegistry } from './application/calendar-scope-registry';
import { IdentityScopes, ReservedScopeKinds } from './application/identity-scopes';
import { RENDER_CALENDAR } from './application/calendar-tokens';
import { CalendarSubscriptionsService } from './application/calendar-subscriptions.service';
import { FeedAssembler } from './application/feed-assembler';
import { FeedService } from './application/feed.service';
import { RenderedFeedCache } from './application/rendered-feed-cache';
import { FeedSubscriptionsRepository } from './infra/feed-subscriptions.repository';

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

const services = [
  CalendarSubscriptionsService,
  FeedService,
  FeedAssembler,
  CalendarSourceRegistry,
  CalendarScopeRegistry,
];

/** Feed subscriptions and serving. No HTTP: CalendarApiModule is its face. */
@Module({})
export class CalendarModule {
  static register(options: CalendarModuleOptions = {}): DynamicModule {
    const sources = options.sources ?? [];
    return {
      module: CalendarModule,
      // identity's read port answers its scope kinds and public feeds' community and estate.
      imports: [DiscoveryModule, IdentityModule, ...(options.imports ?? [])],
      providers: [
        ...services,
        { provide: CALENDAR_SOURCES, useFactory: (...found: CalendarSource[]) => found, inject: sources },
        { provide: RENDER_CALENDAR, useValue: options.render ?? renderCalendar },
        RenderedFeedCache,
        FeedSubscriptionsRepository,
        IdentityScopes,
        ReservedScopeKinds,
      ],
      exports: [...services, CALENDAR_SOURCES, RenderedFeedCache],
    };
  }
}
