import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Clock } from '@linli/platform';
import { parseLoginName } from '../domain/login-name';
import { Account } from '../infra/account.entity';
import { PasswordHasher } from './password-hasher';
import { identityError } from '../domain/identity-errors';
import { AccessAnswer } from './access-answer';
import { BrowserSessions, SignedIn } from './browser-sessions';

/**
 * Email or phone plus password -> a short-lived access token, and a browser session whose refresh
 * token the API puts in a cookie (clients without cookies just use the access token). Unknown
 * login, wrong password and a deactivated account all answer the same 401, after the same hashing work.
 */
@Injectable()
export class LoginUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly hasher: PasswordHasher,
    private readonly answers: AccessAnswer,
    private readonly sessions: BrowserSessions,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(login: string, password: string): Promise<SignedIn> {
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
    return { answer: await this.answers.for(actor), refresh: await this.sessions.start(actor) };
  }
}
