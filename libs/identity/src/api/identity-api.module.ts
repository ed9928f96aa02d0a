import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity.module';
import { AuthController } from './auth.controller';
import { EstatesController } from './estates.controller';
import { MembershipsController } from './memberships.controller';
import { OrganisationsController } from './organisations.controller';
import { PeopleController } from './people.controller';

/** The identity context's HTTP face; apps/api imports it. */
@Module({
  imports: [IdentityModule],
  controllers: [
    AuthController,
    EstatesController,
    OrganisationsController,
    PeopleController,
    MembershipsController,
  ],
})
export class IdentityApiModule {}
