/**
 * A subscription answers its feed while active. Once revoked (or rotated), it answers an empty
 * calendar for a grace period, so clients that keep polling (iOS does, for a long time) clear the
 * events instead of showing stale ones, and then 410 Gone.
 */
export type SubscriptionState = 'active' | 'grace' | 'gone';

export function subscriptionState(
  revokedAt: Date | null | undefined,
  now: Date,
  graceMs: number,
): SubscriptionState {
  if (!revokedAt) return 'active';
  return now.getTime() < revokedAt.getTime() + graceMs ? 'grace' : 'gone';
}

/** lastUsedAt is a hint for "is anyone still using this URL", not an access log: a write at most per minute. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export function lastUsedIsStale(lastUsedAt: Date | null | undefined, now: Date): boolean {
  return !lastUsedAt || now.getTime() - lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS;
}
