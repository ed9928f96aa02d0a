import { Module } from '@nestjs/common';
import { AccessAnswer } from './application/access-answer';
import { AccountsService } from './application/accounts.service';
import { BrowserSessions } from './application/browser-sessions';
import { EstatesService } from './application/estates.service';
import { LoginUseCase } from './application/login.use-case';
import { MeService } from './application/me.service';
import { MembershipsService } from './application/memberships.service';
import { OrganisationsService } from './application/organisations.service';
import { PasswordHasher } from './application/password-hasher';
import { PeopleService } from './application/people.service';
import { RosterImportUseCase } from './application/roster-import.use-case';
import { SeedDemoUseCase } from './application/seed-demo.use-case';
import { IdentityDirectory } from './infra/identity-directory';
import { CommunityZones } from './application/community-zones';
import { SessionStore } from '@linli/platform';
import { AccountSessions } from './infra/account-sessions';

const services = [
  AccessAnswer,
  AccountsService,
  BrowserSessions,
  EstatesService,
  LoginUseCase,
  MeService,
  MembershipsService,
  OrganisationsService,
  PasswordHasher,
  PeopleService,
  RosterImportUseCase,
  SeedDemoUseCase,
  IdentityDirectory,
  CommunityZones,
];

/**
 * Communities, estates, partner organisations, people, memberships and accounts. No HTTP.
 * Other contexts read identity through IdentityDirectory (or the published views). It also
 * answers platform's per-request session check (SessionStore).
 */
@Module({
  // platform's SessionCheck finds the store wherever it is registered (it asks the module graph).
  providers: [...services, { provide: SessionStore, useClass: AccountSessions }],
  exports: services,
})
export class IdentityModule {}
