export { identityEntities } from './infra/identity.entities';
export { IdentityModule } from './identity.module';
export { IdentityApiModule } from './api/identity-api.module';
export { SeedDemoUseCase } from './application/seed-demo.use-case';
/** The read port other contexts use for identity's data (one lookup at a time). */
export {
  IdentityDirectory,
  IdentityReads,
  type CommunityFacts,
  type EstateFacts,
  type OrganisationFacts,
  type PersonFacts,
  type PersonContact,
} from './infra/identity-directory';
/** The zone every answer writes a community's instants in (cached per community). */
export { CommunityZones } from './application/community-zones';
/**
 * Types only, so other contexts' entities can reference these by entity name
 * (`@ManyToOne({ entity: 'Person' })`); the classes stay inside identity.
 */
export type { Community } from './infra/community.entity';
export type { Estate } from './infra/estate.entity';
export type { Person } from './infra/person.entity';
export type { PartnerOrganisation } from './infra/partner-organisation.entity';
export { PARTNER_KINDS, PARTNER_KIND_VALUES, type PartnerKind } from './domain/partner-kind';
export { DEMO_LOGINS, DEMO_PASSWORD, CHENGNAN } from './demo/chengnan.data';
export { identityContext } from './identity.context';
