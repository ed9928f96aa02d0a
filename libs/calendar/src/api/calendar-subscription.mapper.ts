import type { CalendarSubscription } from '../infra/calendar-subscription.entity';
import type { SubscriptionResponse } from './calendar-subscription.schema';

export function mapSubscription(subscription: CalendarSubscription): SubscriptionResponse {
  return {
    id: subscription.id,
    scope: { kind: subscription.scopeKind, id: subscription.scopeId },
    label: subscription.label ?? null,
    ownerAccountId: subscription.ownerAccount.id,
    createdAt: subscription.createdAt.toISOString(),
    lastUsedAt: subscription.lastUsedAt?.toISOString() ?? null,
    revokedAt: subscription.revokedAt?.toISOString() ?? null,
    rotatedFromId: subscription.rotatedFrom?.id ?? null,
  };
}
