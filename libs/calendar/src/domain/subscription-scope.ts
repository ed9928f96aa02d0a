import type { FeedScope } from './calendar-entry';

/** The one kind the calendar serves itself: everything of the community (no id). */
export const COMMUNITY_SCOPE_KIND = 'community';

/**
 * What a subscription (a personal, token-protected feed) can show: `community`, or a kind a
 * context contributes through a `CalendarScopes` provider (person, organisation and estate are
 * identity's; venue is reserved for the venues context). Adding a context adds kinds from its own
 * folder, so the calendar keeps no list: a kind is a lower-case word (letters, digits, `-`, at most
 * 40 characters), the same rule the column's CHECK holds.
 */
export type SubscriptionScopeKind = string;
export const SCOPE_KIND_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;
/** The CHECK on calendar_subscription.scope_kind, from the same rule. */
export const SCOPE_KIND_CHECK = `scope_kind ~ '^[a-z][a-z0-9-]{0,39}$'`;

/** As stored and answered: a kind and, for every kind but `community`, the id of what it names. */
export interface SubscriptionScope {
  kind: SubscriptionScopeKind;
  id: string | null;
}

export function toFeedScope(scope: SubscriptionScope): FeedScope {
  const id = scope.id ?? '';
  switch (scope.kind) {
    case 'person':
      return { kind: 'person', personId: id };
    case 'organisation':
      return { kind: 'organisation', organisationId: id };
    case 'estate':
      return { kind: 'estate', estateId: id };
    case 'venue':
      return { kind: 'venue', venueId: id };
    case COMMUNITY_SCOPE_KIND:
      return { kind: 'community' };
    default:
      return { kind: 'contributed', scopeKind: scope.kind, id };
  }
}
