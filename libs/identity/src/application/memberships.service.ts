import { Injectable } from '@nestjs/common';
import { EntityData, EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Actor, escapeLike, findPage, notFound } from '@linli/platform';
import { canAddExistingPerson, canManageOrganisation, canSetMembershipRole } from '../domain/access-policy';
import { Membership } from '../infra/membership.entity';
import { PartnerOrganisation } from '../infra/partner-organisation.entity';
import { Person } from '../infra/person.entity';
import type {
  CreateMembershipRequest,
  ListMembershipsQuery,
  UpdateMembershipRequest,
} from '../api/membership.schema';
import { identityError } from '../domain/identity-errors';

const POPULATE = ['person', 'organisation'] as const;

/**
 * Who belongs to which partner organisation. Organisers add people to organisations; coordinators
 * change and end their own organisation's memberships (their new people join through PeopleService);
 * volunteers see their own memberships.
 */
@Injectable()
export class MembershipsService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Organisers only (canAddExistingPerson). Adding someone whose membership was ended brings the same
   * row back rather than failing.
   */
  async create(actor: Actor, input: CreateMembershipRequest): Promise<Membership> {
    if (!canAddExistingPerson(actor)) {
      throw identityError(
        'FORBIDDEN',
        'Only organisers add an existing person to an organisation; coordinators add new people with POST /api/v1/people',
      );
    }
    this.assertMayManage(actor, input.organisationId, input.role);
    const person = await this.em.findOne(Person, { id: input.personId, community: actor.communityId });
    const organisation = await this.em.findOne(PartnerOrganisation, {
      id: input.organisationId,
      community: actor.communityId,
    });
    if (!person || !organisation) {
      throw identityError('REFERENCE_INVALID', 'personId or organisationId names nothing in this community', [
        ...(person ? [] : [{ field: 'personId', message: 'no such person' }]),
        ...(organisation ? [] : [{ field: 'organisationId', message: 'no such organisation' }]),
      ]);
    }
    const ended = await this.em.findOne(Membership, {
      person,
      organisation,
      active: false,
      community: actor.communityId,
    });
    const membership =
      ended ??
      this.em.create(Membership, {
        community: actor.communityId,
        person,
        organisation,
        role: input.role,
      });
    this.em.assign(membership, { role: input.role, active: true });
    await this.em.flush();
    return membership;
  }

  list(actor: Actor, query: ListMembershipsQuery) {
    const where: FilterQuery<Membership> & Record<string, unknown> = { community: actor.communityId };
    if (actor.role === 'coordinator') where.organisation = actor.organisationId;
    if (actor.role === 'volunteer') where.person = actor.personId;
    const and: FilterQuery<Membership>[] = [];
    if (query.organisationId) and.push({ organisation: query.organisationId });
    if (query.personId) where.person = actor.role === 'volunteer' ? actor.personId : query.personId;
    if (query.role) where.role = query.role;
    if (query.active !== undefined) where.active = query.active;
    if (query.q) {
      const pattern = `%${escapeLike(query.q)}%`;
      and.push({
        $or: [{ person: { name: { $ilike: pattern } } }, { organisation: { name: { $ilike: pattern } } }],
      });
    }
    if (and.length) where.$and = and;
    return findPage(this.em, Membership, where, query, POPULATE);
  }

  async get(actor: Actor, id: string): Promise<Membership> {
    const membership = await this.em.findOne(
      Membership,
      { id, community: actor.communityId },
      { populate: POPULATE },
    );
    const visible =
      membership &&
      (actor.role === 'organiser' ||
        (actor.role === 'coordinator' && membership.organisation.id === actor.organisationId) ||
        membership.person.id === actor.personId);
    if (!visible) throw notFound('Membership');
    return membership;
  }

  async update(actor: Actor, id: string, input: UpdateMembershipRequest): Promise<Membership> {
    const membership = await this.get(actor, id);
    this.assertMayManage(actor, membership.organisation.id, input.role ?? 'member');
    if (
      actor.role === 'coordinator' &&
      membership.role === 'coordinator' &&
      membership.person.id !== actor.personId
    ) {
      throw identityError('FORBIDDEN', 'Only organisers change another coordinator’s membership');
    }
    this.em.assign(membership, input as EntityData<Membership>);
    await this.em.flush();
    return membership;
  }

  /** Ends the membership; the row stays as history. */
  deactivate(actor: Actor, id: string): Promise<Membership> {
    return this.update(actor, id, { active: false });
  }

  private assertMayManage(actor: Actor, organisationId: string, role: 'member' | 'coordinator'): void {
    if (!canManageOrganisation(actor, organisationId)) {
      throw identityError(
        'FORBIDDEN',
        'Only organisers and this organisation’s coordinator manage its members',
      );
    }
    if (!canSetMembershipRole(actor, role))
      throw identityError('FORBIDDEN', 'Only organisers appoint coordinators');
  }
}
