import { Injectable } from '@nestjs/common';
import { EntityData, EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Actor, escapeLike, findPage, notFound } from '@linli/platform';
import { canManageOrganisation } from '../domain/access-policy';
import { PartnerOrganisation } from '../infra/partner-organisation.entity';
import type {
  CreateOrganisationRequest,
  ListOrganisationsQuery,
  UpdateOrganisationRequest,
} from '../api/organisation.schema';
import { identityError } from '../domain/identity-errors';

/** Partner organisations: organisers manage all; a coordinator updates their own organisation's contact details. */
@Injectable()
export class OrganisationsService {
  constructor(private readonly em: EntityManager) {}

  async create(actor: Actor, input: CreateOrganisationRequest): Promise<PartnerOrganisation> {
    const organisation = this.em.create(PartnerOrganisation, {
      ...input,
      community: actor.communityId,
    });
    await this.em.flush();
    return organisation;
  }

  list(actor: Actor, query: ListOrganisationsQuery) {
    const where: FilterQuery<PartnerOrganisation> = { community: actor.communityId };
    if (query.kind) where.kind = query.kind;
    if (query.active !== undefined) where.active = query.active;
    if (query.q) where.name = { $ilike: `%${escapeLike(query.q)}%` };
    return findPage(this.em, PartnerOrganisation, where, query);
  }

  async get(actor: Actor, id: string): Promise<PartnerOrganisation> {
    const organisation = await this.em.findOne(PartnerOrganisation, { id, community: actor.communityId });
    if (!organisation) throw notFound('Organisation');
    return organisation;
  }

  async update(actor: Actor, id: string, input: UpdateOrganisationRequest): Promise<PartnerOrganisation> {
    const organisation = await this.get(actor, id);
    if (!canManageOrganisation(actor, id))
      throw identityError('FORBIDDEN', 'Only organisers and this organisation’s coordinator may change it');
    if (
      actor.role !== 'organiser' &&
      (input.kind !== undefined || input.active !== undefined || input.name !== undefined)
    ) {
      throw identityError(
        'FORBIDDEN',
        'Coordinators may change contact details only; name, kind and active are for organisers',
      );
    }
    this.em.assign(organisation, input as EntityData<PartnerOrganisation>);
    await this.em.flush();
    return organisation;
  }

  /** Organisations keep their history (memberships, later claims): deactivated, never deleted. */
  deactivate(actor: Actor, id: string): Promise<PartnerOrganisation> {
    return this.update(actor, id, { active: false });
  }
}
