import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Clock, TokenService } from '@linli/platform';
import { parseLoginName } from '../domain/login-name';
import { Account } from '../infra/account.entity';
import { PasswordHasher } from './password-hasher';
import { MeService } from './me.service';
import type { LoginResponse } from '../api/auth.schema';
import { identityError } from '../domain/identity-errors';

/**
 * Email or phone plus password -> a short-lived access token. Unknown login, wrong password and a
 * deactivated account all answer the same 401, after the same hashing work.
 */
@Injectable()
export class LoginUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly me: MeService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(login: string, password: string): Promise<LoginResponse> {
    const name = parseLoginName(login);
    // Logins are unique across communities, so this one lookup runs before any tenant is known.
    const account = await this.em.findOne(
      Account,
      name.kind === 'email' ? { email: name.value } : { phone: name.value },
      { filters: false, populate: ['person'] },
    );
    const passwordMatches = await this.hasher.verify(account?.passwordHash, password);
    if (!account || !passwordMatches || !account.active || account.person?.active === false) {
      throw identityError(
        'INVALID_CREDENTIALS',
        'The login or password is wrong, or the account is disabled',
      );
    }
    account.lastLoginAt = this.clock.now();
    await this.em.flush();
    const actor = {
      accountId: account.id,
      communityId: account.community.id,
      role: account.role,
      personId: account.person?.id,
      organisationId: account.organisation?.id,
      tokenVersion: account.tokenVersion,
    };
    return {
      accessToken: this.tokens.issue(actor),
      tokenType: 'Bearer',
      expiresIn: this.tokens.ttlSeconds,
      me: await this.me.describe(actor),
    };
  }
}
