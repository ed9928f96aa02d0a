import { raw, type FilterQuery } from '@mikro-orm/core';
import type { Claim } from './claim.entity';

/**
 * Claims of the active members of an organisation, as an ORM filter (for paged lists): the
 * membership is identity's, read through its published view, not through identity's entities.
 */
export function claimsOfMembersOf(organisationId: string): FilterQuery<Claim> {
  return {
    [raw(
      (alias) =>
        `${alias}.person_id IN (SELECT m.person_id FROM identity_membership_v1 m WHERE m.organisation_id = ? AND m.active)`,
      [organisationId],
    )]: [],
  } as FilterQuery<Claim>;
}
