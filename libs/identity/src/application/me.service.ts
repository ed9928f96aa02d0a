import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Actor } from '@linli/platform';
import { Account } from '../infra/account.entity';
import type { MeResponse } from '../api/auth.schema';
import { identityError } from '../domain/identity-errors';

@Injectable()
export class MeService {
  constructor(private readonly em: EntityManager) {}

  /** The signed-in account with its community, person and organisation. */
  async describe(actor: Actor): Promise<MeResponse> {
    const account = await this.em.findOne(
      Account,
      { id: actor.accountId, community: actor.communityId },
      { filters: false, populate: ['community', 'person', 'organisation'] },
    );
    if (!account || !account.active)
      throw identityError('UNAUTHENTICATED', 'This account no longer exists or is disabled');
    const { community, person, organisation } = account;
    return {
      account: {
        id: account.id,
        email: account.email ?? null,
        phone: account.phone ?? null,
        role: account.role,
      },
      community: {
        id: community.id,
        name: community.name,
        slug: community.slug,
        timeZone: community.timeZone,
        locale: community.locale,
      },
      person: person ? { id: person.id, name: person.name } : null,
      organisation: organisation
        ? { id: organisation.id, name: organisation.name, kind: organisation.kind }
        : null,
    };
  }
}
