import type { EntityClass, EntityManager, FilterQuery } from '@mikro-orm/core';
import { Account } from '../infra/account.entity';
import { Community } from '../infra/community.entity';
import { Estate } from '../infra/estate.entity';
import { Membership } from '../infra/membership.entity';
import { PartnerOrganisation } from '../infra/partner-organisation.entity';
import { Person } from '../infra/person.entity';

/**
 * Reading and adjusting identity's records around the API, for tests of this and other contexts:
 * typed, through the ORM, across every community (the tenant filter is off), never by table name.
 */
interface IdentityRecords {
  community: Community;
  estate: Estate;
  organisation: PartnerOrganisation;
  person: Person;
  membership: Membership;
  account: Account;
}
export type IdentityRecordKind = keyof IdentityRecords;

const ENTITIES: { [K in IdentityRecordKind]: EntityClass<IdentityRecords[K]> } = {
  community: Community,
  estate: Estate,
  organisation: PartnerOrganisation,
  person: Person,
  membership: Membership,
  account: Account,
};

/** How many records of a kind exist (in all communities), e.g. to prove a refused request wrote nothing. */
export function countRecords<K extends IdentityRecordKind>(
  em: EntityManager,
  kind: K,
  where: FilterQuery<IdentityRecords[K]> = {},
): Promise<number> {
  return em.count(ENTITIES[kind], where, { filters: false });
}

/** The id of the membership of a person in an organisation, active or ended. */
export async function membershipIdOf(
  em: EntityManager,
  personId: string,
  organisationId: string,
): Promise<string> {
  const membership = await em.findOne(
    Membership,
    { person: personId, organisation: organisationId },
    { filters: false, fields: ['id'] },
  );
  if (!membership) throw new Error(`no membership of ${personId} in ${organisationId}`);
  return membership.id;
}

/** Enables or disables a login, as an organiser would in the database. */
export async function setAccountActive(em: EntityManager, accountId: string, active: boolean): Promise<void> {
  const account = await em.findOneOrFail(Account, { id: accountId }, { filters: false });
  account.active = active;
  await em.flush();
}
