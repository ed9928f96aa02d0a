import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { EntityManager } from '@mikro-orm/core';
import { Account } from '../infra/account.entity';
import { Community } from '../infra/community.entity';
import { Estate } from '../infra/estate.entity';
import { Membership } from '../infra/membership.entity';
import { PartnerOrganisation } from '../infra/partner-organisation.entity';
import { Person } from '../infra/person.entity';
import type { PartnerKind } from '../domain/partner-kind';
import type { Role } from '@linli/platform';

export const TEST_PASSWORD = 'correct-horse-battery-staple';
let passwordHash: Promise<string> | undefined;
const hashedTestPassword = () => (passwordHash ??= argon2.hash(TEST_PASSWORD));

const unique = () => randomBytes(4).toString('hex');

export function makeCommunity(em: EntityManager, overrides: Partial<Community> = {}): Community {
  const suffix = unique();
  return em.create(Community, {
    name: `测试社区 ${suffix}`,
    slug: `test-${suffix}`,
    ...overrides,
  });
}

export function makeEstate(em: EntityManager, community: Community, overrides: Partial<Estate> = {}): Estate {
  return em.create(Estate, {
    community,
    name: `小区 ${unique()}`,
    ...overrides,
  });
}

export function makeOrganisation(
  em: EntityManager,
  community: Community,
  kind: PartnerKind = 'social_organisation',
  overrides: Partial<PartnerOrganisation> = {},
): PartnerOrganisation {
  return em.create(PartnerOrganisation, {
    community,
    name: `组织 ${unique()}`,
    kind,
    ...overrides,
  });
}

export function makePerson(em: EntityManager, community: Community, overrides: Partial<Person> = {}): Person {
  return em.create(Person, {
    community,
    name: `志愿者 ${unique()}`,
    ...overrides,
  });
}

export function makeMembership(
  em: EntityManager,
  person: Person,
  organisation: PartnerOrganisation,
  role: 'member' | 'coordinator' = 'member',
): Membership {
  return em.create(Membership, {
    community: person.community,
    person,
    organisation,
    role,
  });
}

export async function makeAccount(
  em: EntityManager,
  community: Community,
  role: Role,
  links: {
    person?: Person;
    organisation?: PartnerOrganisation;
    email?: string;
    phone?: string;
    active?: boolean;
  } = {},
): Promise<Account> {
  return em.create(Account, {
    community,
    role,
    email: links.phone ? links.email : (links.email ?? `${role}-${unique()}@test.linli`),
    phone: links.phone,
    passwordHash: await hashedTestPassword(),
    person: links.person,
    organisation: links.organisation,
    active: links.active ?? true,
  });
}

/**
 * A whole community with one of each role: an organiser, a coordinator of `organisation` with one
 * member, a volunteer who belongs to another organisation, and an estate.
 */
export async function createTenant(em: EntityManager, label = unique()) {
  const community = makeCommunity(em, { name: `社区 ${label}`, slug: `t-${label}-${unique()}` });
  const estate = makeEstate(em, community);
  const organisation = makeOrganisation(em, community, 'social_organisation');
  const otherOrganisation = makeOrganisation(em, community, 'social_enterprise');
  const organiserPerson = makePerson(em, community, { name: '组织者' });
  const coordinatorPerson = makePerson(em, community, { name: '协调员' });
  const member = makePerson(em, community, { name: '成员', homeEstate: estate });
  const volunteerPerson = makePerson(em, community, { name: '志愿者' });
  const memberships = {
    coordinator: makeMembership(em, coordinatorPerson, organisation, 'coordinator'),
    member: makeMembership(em, member, organisation),
    volunteer: makeMembership(em, volunteerPerson, otherOrganisation),
  };
  const organiser = await makeAccount(em, community, 'organiser', { person: organiserPerson });
  const coordinator = await makeAccount(em, community, 'coordinator', {
    person: coordinatorPerson,
    organisation,
  });
  const volunteer = await makeAccount(em, community, 'volunteer', { person: volunteerPerson });
  await em.flush();
  return {
    community,
    estate,
    organisation,
    otherOrganisation,
    people: {
      organiser: organiserPerson,
      coordinator: coordinatorPerson,
      member,
      volunteer: volunteerPerson,
    },
    /** The coordinator's and the member's in `organisation`, the volunteer's in `otherOrganisation`. */
    memberships,
    accounts: { organiser, coordinator, volunteer },
  };
}

export type Tenant = Awaited<ReturnType<typeof createTenant>>;
