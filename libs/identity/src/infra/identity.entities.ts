import { Account } from './account.entity';
import { Community } from './community.entity';
import { Estate } from './estate.entity';
import { LoginSession } from './login-session.entity';
import { Membership } from './membership.entity';
import { PartnerOrganisation } from './partner-organisation.entity';
import { Person } from './person.entity';
import { RefreshToken } from './refresh-token.entity';

export const identityEntities = [
  Community,
  Estate,
  PartnerOrganisation,
  Person,
  Membership,
  Account,
  LoginSession,
  RefreshToken,
];
