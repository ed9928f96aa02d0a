import { Injectable } from '@nestjs/common';
import { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Actor, SessionCheck, escapeLike, findPage, notFound } from '@linli/platform';
import { normalisePhone } from '../domain/login-name';
import { Account } from '../infra/account.entity';
import { Membership } from '../infra/membership.entity';
import { PartnerOrganisation } from '../infra/partner-organisation.entity';
import { Person } from '../infra/person.entity';
import { PasswordHasher } from './password-hasher';
import type { CreateAccountRequest, UpdateAccountRequest } from '../api/auth.schema';
import { identityError } from '../domain/identity-errors';
import { revokeSessions } from './revoke-sessions';

/** Organisers give staff, coordinators and volunteers their logins. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly em: EntityManager,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionCheck,
  ) {}

  async create(actor: Actor, input: CreateAccountRequest): Promise<Account> {
    const person = input.personId
      ? await this.em.findOne(Person, { id: input.personId, community: actor.communityId })
      : null;
    const organisation = input.organisationId
      ? await this.em.findOne(PartnerOrganisation, { id: input.organisationId, community: actor.communityId })
      : null;
    if ((input.personId && !person) || (input.organisationId && !organisation)) {
      throw identityError('REFERENCE_INVALID', 'personId or organisationId names nothing in this community');
    }
    if (input.role === 'coordinator' && person && organisation) {
      const coordinates = await this.em.count(Membership, {
        person,
        organisation,
        role: 'coordinator',
        active: true,
        community: actor.communityId,
      });
      if (!coordinates) {
        throw identityError(
          'REFERENCE_INVALID',
          'A coordinator account needs an active coordinator membership of that organisation first',
          [{ field: 'organisationId', message: 'person is not this organisation’s coordinator' }],
        );
      }
    }
    const account = this.em.create(Account, {
      community: actor.communityId,
      email: input.email,
      phone: input.phone ? normalisePhone(input.phone) : undefined,
      passwordHash: await this.hasher.hash(input.password),
      role: input.role,
      person: person ?? undefined,
      organisation: organisation ?? undefined,
    });
    await this.em.flush();
    return account;
  }

  /**
   * Enables or disables a login. Disabling ends the account's access tokens at once (a new token
   * version); an organiser cannot disable their own account, so a community keeps a way in.
   */
  async update(actor: Actor, id: string, input: UpdateAccountRequest): Promise<Account> {
    const account = await this.em.findOne(Account, { id, community: actor.communityId });
    if (!account) throw notFound('Account');
    if (input.active === false && account.id === actor.accountId) {
      throw identityError('CONFLICT', 'You cannot disable your own account; ask another organiser', [
        { field: 'active', message: 'not your own account' },
      ]);
    }
    if (input.active === false && account.active) revokeSessions([account]);
    account.active = input.active;
    await this.em.flush();
    this.sessions.forget([account.id]);
    return account;
  }

  /** `q` matches part of the email or phone. */
  list(actor: Actor, query: { page: number; pageSize: number; sort: string; q?: string }) {
    const where: FilterQuery<Account> = { community: actor.communityId };
    if (query.q) {
      const pattern = `%${escapeLike(query.q)}%`;
      where.$or = [{ email: { $ilike: pattern } }, { phone: { $ilike: pattern } }];
    }
    return findPage(this.em, Account, where, query);
  }
}
