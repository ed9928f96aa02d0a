import type { Actor } from '@linli/platform';
import type { SubscriptionScope, SubscriptionScopeKind } from './subscription-scope';

/**
 * Who may subscribe to what. Volunteers: only their own shifts. Coordinators: themselves and the
 * organisation they coordinate. Organisers: any scope of their community. Pure: whether the named
 * record exists in the community is the caller's question (and answers 404, not 403).
 */
export type SubscribeDecision = { allowed: true } | { allowed: false; reason: string };

const allowed: SubscribeDecision = { allowed: true };
const refused = (reason: string): SubscribeDecision => ({ allowed: false, reason });

export function maySubscribe(actor: Actor, scope: SubscriptionScope): SubscribeDecision {
  if (actor.role === 'organiser') return allowed;
  if (scope.kind === 'person') {
    return scope.id !== null && scope.id === actor.personId
      ? allowed
      : refused('You may subscribe only to your own shifts');
  }
  if (actor.role === 'coordinator' && scope.kind === 'organisation') {
    return scope.id !== null && scope.id === actor.organisationId
      ? allowed
      : refused('Coordinators may subscribe only to the organisation they coordinate');
  }
  return refused(`Only organisers may subscribe to a ${scope.kind} calendar`);
}

/**
 * The id a scope means when the request leaves it out: one's own person, a coordinator's own
 * organisation. Undefined when there is none to assume.
 */
export function defaultScopeId(actor: Actor, kind: SubscriptionScopeKind): string | null | undefined {
  switch (kind) {
    case 'community':
      return null;
    case 'person':
      return actor.personId;
    case 'organisation':
      return actor.role === 'coordinator' ? actor.organisationId : undefined;
    default:
      return undefined;
  }
}
