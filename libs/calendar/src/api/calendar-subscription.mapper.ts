import { formatInstant, formatOptionalInstant } from '@linli/platform';
import type { CalendarSubscription } from '../infra/calendar-subscription.entity';
import type { SubscriptionResponse } from './calendar-subscription.schema';

/** Instants in the community's zone (`zone`), which the answer names. */
export function mapSubscription(subscription: CalendarSubscription, zone: string): SubscriptionResponse {
  return {
    id: subscription.id,
    scope: { kind: subscription.scopeKind, id: subscription.scopeId },
    label: subscription.label ?? null,
    ownerAccountId: subscription.ownerAccount.id,
    createdAt: formatInstant(subscription.createdAt, zone),
    lastUsedAt: formatOptionalInstant(subscription.lastUsedAt, zone),
    revokedAt: formatOptionalInstant(subscription.revokedAt, zone),
    rotatedFromId: subscription.rotatedFrom?.id ?? null,
    timeZone: zone,
  };
}
