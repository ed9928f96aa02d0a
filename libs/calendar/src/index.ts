export type { CalendarEntry, CalendarMeta, FeedScope, FeedWindow } from './domain/calendar-entry';
export { CALENDAR_SOURCES, type CalendarSource } from './domain/calendar-source';
export type { RenderCalendar } from './domain/render';
export { renderCalendar, sharedEventCache, PRODID } from './domain/ics/render-calendar';
export { renderEvent, CANCELLED_PREFIX } from './domain/ics/render-event';
export { EventCache, type EventCacheStats } from './domain/ics/event-cache';
export { lintIcs } from './domain/ics/lint-ics';
/** Feed subscriptions and the /cal feeds (CalendarApiModule.register({ imports, sources })). */
export { calendarEntities } from './infra/calendar.entities';
export { CalendarModule, type CalendarModuleOptions } from './calendar.module';
export { CalendarApiModule } from './api/calendar-api.module';
export { CalendarSourceProvider, CalendarSourceRegistry } from './application/calendar-sources';
export { CalendarSubscriptionsService } from './application/calendar-subscriptions.service';
export { FeedService } from './application/feed.service';
export { RenderedFeedCache } from './application/rendered-feed-cache';
export { SUBSCRIPTION_SCOPE_KINDS, type SubscriptionScopeKind } from './domain/subscription-scope';
/** Invites by email: iTIP messages queued in mail_outbox by a worker tick (CalendarInvitesModule.register({ planners })). */
export { calendarInviteEntities } from './infra/calendar-invite.entity';
export { CalendarInvitesModule, type CalendarInvitesModuleOptions } from './calendar-invites.module';
export { InviteProjector, INVITE_CONSUMER } from './application/invite-projector';
export {
  INVITE_PLANNERS,
  type InvitePlanner,
  type InviteIntent,
  type InviteChange,
  type InviteRecipient,
} from './domain/invite-planner';
export { renderInvite, type InviteOrganizer } from './domain/invite-itip';
