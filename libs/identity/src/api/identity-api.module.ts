import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity.module';
import { AuthController } from './auth.controller';
import { BrowserSessionsController } from './browser-sessions.controller';
import { EstatesController } from './estates.controller';
import { MembershipsController } from './memberships.controller';
import { OrganisationsController } from './organisations.controller';
import { PeopleController } from './people.controller';
import { PublicDirectoryController } from './public-directory.controller';
import { RosterImportController } from './roster-import.controller';
import { PublicDirectoryQueries } from '../infra/public-directory.queries';

/** The identity context's HTTP face; apps/api imports it. */
@Module({
  imports: [IdentityModule],
  providers: [PublicDirectoryQueries],
  controllers: [
    AuthController,
    BrowserSessionsController,
    EstatesController,
    OrganisationsController,
    PeopleController,
    MembershipsController,
    PublicDirectoryController,
    RosterImportController,
  ],
})
export class IdentityApiModule {}
