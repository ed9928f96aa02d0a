export type { CalendarEntry, CalendarMeta, FeedScope, FeedWindow } from './domain/calendar-entry';
export { CALENDAR_SOURCES, type CalendarSource } from './domain/calendar-source';
export type { RenderCalendar } from './domain/render';
export { renderCalendar, sharedEventCache, PRODID } from './domain/ics/render-calendar';
export { renderEvent, CANCELLED_PREFIX } from './domain/ics/render-event';
export { EventCache, type EventCacheStats } from './domain/ics/event-cache';
export { lintIcs } from './domain/ics/lint-ics';
export { CALENDAR_ERRORS, type CalendarErrorCode } from './domain/calendar-errors';
/** Feed subscriptions and the /cal feeds (CalendarApiModule.register({ imports, sources })). */
export { calendarEntities } from './infra/calendar.entities';
export { calendarMigrations } from './infra/migrations';
export { CalendarModule, type CalendarModuleOptions } from './calendar.module';
export { CalendarApiModule } from './api/calendar-api.module';
export { CalendarSourceProvider, CalendarSourceRegistry } from './application/calendar-sources';
export { CalendarSubscriptionsService } from './application/calendar-subscriptions.service';
export { FeedService } from './application/feed.service';
export { RenderedFeedCache } from './application/rendered-feed-cache';
/** Subscription scope kinds: contexts contribute theirs with a @CalendarScopeProvider() CalendarScopes. */
export {
  COMMUNITY_SCOPE_KIND,
  SCOPE_KIND_PATTERN,
  type SubscriptionScopeKind,
} from './domain/subscription-scope';
export type { CalendarScopes } from './domain/calendar-scopes';
export { CalendarScopeProvider, CalendarScopeRegistry } from './application/calendar-scope-registry';
/** Invites by email: iTIP messages queued in mail_outbox by a worker tick (CalendarInvitesModule.register()). */
export { calendarInviteEntities } from './infra/calendar-invite.entity';
export { CalendarInvitesModule, type CalendarInvitesModuleOptions } from './calendar-invites.module';
export { InviteProjector, INVITE_CONSUMER } from './application/invite-projector';
export { InvitePlannerProvider, InvitePlannerRegistry } from './application/invite-planners';
export {
  INVITE_PLANNERS,
  type InvitePlanner,
  type InviteIntent,
  type InviteChange,
  type InviteRecipient,
} from './domain/invite-planner';
export { renderInvite, type InviteOrganizer } from './domain/invite-itip';
export { calendarContext } from './calendar.context';
