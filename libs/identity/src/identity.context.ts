import { Module } from '@nestjs/common';
import type { LinliContext } from '@linli/platform';
import { identityEntities } from './infra/identity.entities';
import { identityMigrations } from './infra/migrations';
import { IDENTITY_ERRORS } from './domain/identity-errors';
import { IdentityApiModule } from './api/identity-api.module';
import { IdentityModule } from './identity.module';
import { SeedDemoUseCase } from './application/seed-demo.use-case';

/** The worker needs identity's services for the demo seed; it has no ticks of its own. */
@Module({ imports: [IdentityModule], exports: [IdentityModule] })
class IdentityWorkerModule {}

/** Communities, estates, partner organisations, people, memberships, accounts. */
export const identityContext: LinliContext = {
  name: 'identity',
  entities: identityEntities,
  migrations: identityMigrations,
  errorCodes: IDENTITY_ERRORS,
  api: IdentityApiModule,
  worker: IdentityWorkerModule,
  demoSeed: SeedDemoUseCase,
};
