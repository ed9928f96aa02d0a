export { identityEntities } from './infra/identity.entities';
export { IdentityModule } from './identity.module';
export { IdentityApiModule } from './api/identity-api.module';
export { SeedDemoUseCase } from './application/seed-demo.use-case';
export { CommunitiesService, type CommunitySettings } from './application/communities.service';
/** The type only, so other contexts' entities can reference the tenant; the class stays here. */
export type { Community } from './infra/community.entity';
export { PARTNER_KINDS, PARTNER_KIND_VALUES, type PartnerKind } from './domain/partner-kind';
export { DEMO_LOGINS, DEMO_PASSWORD, CHENGNAN } from './demo/chengnan.data';
