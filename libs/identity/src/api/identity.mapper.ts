import { PARTNER_KINDS } from '../domain/partner-kind';
import { Account } from '../infra/account.entity';
import { Estate } from '../infra/estate.entity';
import { Membership } from '../infra/membership.entity';
import { PartnerOrganisation } from '../infra/partner-organisation.entity';
import { Person } from '../infra/person.entity';
import { AccountResponse } from './auth.schema';
import { EstateResponse } from './estate.schema';
import { MembershipResponse } from './membership.schema';
import { OrganisationResponse } from './organisation.schema';
import { PersonResponse } from './person.schema';

/** Entities never leave the API; these build the response shapes. */
export function mapEstate(estate: Estate): EstateResponse {
  return {
    id: estate.id,
    name: estate.name,
    address: estate.address ?? null,
    latitude: estate.latitude ?? null,
    longitude: estate.longitude ?? null,
    households: estate.households ?? null,
    notes: estate.notes ?? null,
    active: estate.active,
    createdAt: estate.createdAt.toISOString(),
    updatedAt: estate.updatedAt.toISOString(),
  };
}

export function mapOrganisation(organisation: PartnerOrganisation): OrganisationResponse {
  const label = PARTNER_KINDS[organisation.kind];
  return {
    id: organisation.id,
    name: organisation.name,
    kind: organisation.kind,
    kindLabel: { zh: label.zh, en: label.en },
    contactName: organisation.contactName ?? null,
    contactPhone: organisation.contactPhone ?? null,
    contactEmail: organisation.contactEmail ?? null,
    active: organisation.active,
    createdAt: organisation.createdAt.toISOString(),
    updatedAt: organisation.updatedAt.toISOString(),
  };
}

export function mapPerson(person: Person): PersonResponse {
  return {
    id: person.id,
    name: person.name,
    phone: person.phone ?? null,
    email: person.email ?? null,
    birthYear: person.birthYear ?? null,
    homeEstateId: person.homeEstate?.id ?? null,
    skills: person.skills,
    qualifications: person.qualifications,
    languages: person.languages,
    active: person.active,
    createdAt: person.createdAt.toISOString(),
    updatedAt: person.updatedAt.toISOString(),
  };
}

/** Needs person and organisation loaded (populate) for their names. */
export function mapMembership(membership: Membership): MembershipResponse {
  return {
    id: membership.id,
    personId: membership.person.id,
    personName: membership.person.name,
    organisationId: membership.organisation.id,
    organisationName: membership.organisation.name,
    role: membership.role,
    active: membership.active,
    createdAt: membership.createdAt.toISOString(),
    updatedAt: membership.updatedAt.toISOString(),
  };
}

export function mapAccount(account: Account): AccountResponse {
  return {
    id: account.id,
    email: account.email ?? null,
    phone: account.phone ?? null,
    role: account.role,
    personId: account.person?.id ?? null,
    organisationId: account.organisation?.id ?? null,
    active: account.active,
    lastLoginAt: account.lastLoginAt?.toISOString() ?? null,
    createdAt: account.createdAt.toISOString(),
  };
}
