import type { FeedScope } from './calendar-entry';

/** What a subscription (a personal, token-protected feed) can show. Public feeds need none. */
export const SUBSCRIPTION_SCOPE_KINDS = ['person', 'organisation', 'estate', 'venue', 'community'] as const;
export type SubscriptionScopeKind = (typeof SUBSCRIPTION_SCOPE_KINDS)[number];

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
    case 'community':
      return { kind: 'community' };
  }
}
