import { EntityManager } from '@mikro-orm/core';

/**
 * Every tenant-owned entity carries `@Filter(tenantFilter)`. It is on by default and fails closed:
 * a query on such an entity without a community set raises an error instead of reading all tenants.
 */
export const TENANT_FILTER = 'tenant';

export const tenantFilter = {
  name: TENANT_FILTER,
  cond: (args: { communityId?: string }) => ({ community: args.communityId }),
  default: true,
};

/** Scopes the (request-bound or forked) entity manager to one community. */
export function scopeToCommunity(em: EntityManager, communityId: string): void {
  em.setFilterParams(TENANT_FILTER, { communityId });
}
