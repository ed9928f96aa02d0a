export { identityEntities } from './infra/identity.entities';
export { IdentityModule } from './identity.module';
export { IdentityApiModule } from './api/identity-api.module';
export { SeedDemoUseCase } from './application/seed-demo.use-case';
export { PARTNER_KINDS, PARTNER_KIND_VALUES, type PartnerKind } from './domain/partner-kind';
export { DEMO_LOGINS, DEMO_PASSWORD, CHENGNAN } from './demo/chengnan.data';
