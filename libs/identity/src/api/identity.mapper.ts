import { formatInstant, formatOptionalInstant } from '@linli/platform';
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

/**
 * Entities never leave the API; these build the response shapes, their instants written in the
 * community's zone (`zone`, CommunityZones), which each names in `timeZone`.
 */
export function mapEstate(estate: Estate, zone: string): EstateResponse {
  return {
    id: estate.id,
    name: estate.name,
    address: estate.address ?? null,
    latitude: estate.latitude ?? null,
    longitude: estate.longitude ?? null,
    households: estate.households ?? null,
    notes: estate.notes ?? null,
    active: estate.active,
    createdAt: formatInstant(estate.createdAt, zone),
    updatedAt: formatInstant(estate.updatedAt, zone),
    timeZone: zone,
  };
}

export function mapOrganisation(organisation: PartnerOrganisation, zone: string): OrganisationResponse {
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
    createdAt: formatInstant(organisation.createdAt, zone),
    updatedAt: formatInstant(organisation.updatedAt, zone),
    timeZone: zone,
  };
}

export function mapPerson(person: Person, zone: string): PersonResponse {
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
    createdAt: formatInstant(person.createdAt, zone),
    updatedAt: formatInstant(person.updatedAt, zone),
    timeZone: zone,
  };
}

/** Needs person and organisation loaded (populate) for their names. */
export function mapMembership(membership: Membership, zone: string): MembershipResponse {
  return {
    id: membership.id,
    personId: membership.person.id,
    personName: membership.person.name,
    organisationId: membership.organisation.id,
    organisationName: membership.organisation.name,
    role: membership.role,
    active: membership.active,
    createdAt: formatInstant(membership.createdAt, zone),
    updatedAt: formatInstant(membership.updatedAt, zone),
    timeZone: zone,
  };
}

export function mapAccount(account: Account, zone: string): AccountResponse {
  return {
    id: account.id,
    email: account.email ?? null,
    phone: account.phone ?? null,
    role: account.role,
    personId: account.person?.id ?? null,
    organisationId: account.organisation?.id ?? null,
    active: account.active,
    lastLoginAt: formatOptionalInstant(account.lastLoginAt, zone),
    createdAt: formatInstant(account.createdAt, zone),
    timeZone: zone,
  };
}
