import { Injectable } from '@nestjs/common';
import { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Actor, findPage } from '@linli/platform';
import { Claim, ClaimStatus } from '../../infra/claim.entity';
import { claimsOfMembersOf } from '../../infra/claim-filters';
import { OrganisationReservation } from '../../infra/organisation-reservation.entity';

/** Who sees which claims: organisers all; coordinators their members'; volunteers their own. */
@Injectable()
export class ClaimsQueryService {
  constructor(private readonly em: EntityManager) {}

  list(
    actor: Actor,
    query: {
      page: number;
      pageSize: number;
      sort: string;
      personId?: string;
      shiftId?: string;
      status?: ClaimStatus;
    },
  ) {
    const where: FilterQuery<Claim> & Record<string, unknown> = { community: actor.communityId };
    if (actor.role === 'volunteer') where.person = actor.personId;
    if (actor.role === 'coordinator') Object.assign(where, claimsOfMembersOf(actor.organisationId ?? ''));
    if (query.personId) where.$and = [{ person: query.personId }];
    if (query.shiftId) where.shift = query.shiftId;
    if (query.status) where.status = query.status;
    return findPage(this.em, Claim, where, query);
  }

  reservationsOf(actor: Actor, shiftId: string) {
    const where: FilterQuery<OrganisationReservation> & Record<string, unknown> = {
      community: actor.communityId,
      shift: shiftId,
    };
    if (actor.role === 'coordinator') where.organisation = actor.organisationId;
    if (actor.role === 'volunteer') return Promise.resolve([]);
    return this.em.find(OrganisationReservation, where, { orderBy: { createdAt: 'asc' } });
  }
}
