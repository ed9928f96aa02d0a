import { Injectable } from '@nestjs/common';
import { EntityData, EntityManager, FilterQuery, LockMode } from '@mikro-orm/postgresql';
import { Actor, SessionCheck, escapeLike, findPage, notFound } from '@linli/platform';
import { PersonRelation, canSeePerson, staffOnlyFieldsTouched } from '../domain/access-policy';
import { Account } from '../infra/account.entity';
import { Estate } from '../infra/estate.entity';
import { Membership } from '../infra/membership.entity';
import { Person } from '../infra/person.entity';
import type { CreatePersonRequest, ListPeopleQuery, UpdatePersonRequest } from '../api/person.schema';
import type { Removal } from '../api/common.schema';
import { identityError } from '../domain/identity-errors';
import { revokeSessions } from './revoke-sessions';

/**
 * Volunteers and residents. Organisers see everyone; coordinators see themselves and their
 * organisation's members; volunteers see themselves. A person someone may not see answers 404.
 */
@Injectable()
export class PeopleService {
  constructor(
    private readonly em: EntityManager,
    private readonly sessions: SessionCheck,
  ) {}

  /** A coordinator's new person joins their organisation in the same transaction. */
  async create(actor: Actor, input: CreatePersonRequest): Promise<Person> {
    if (actor.role === 'volunteer') throw identityError('FORBIDDEN', 'Volunteers cannot add people');
    this.refuseStaffOnlyFields(actor, input);
    return this.em.transactional(async (em) => {
      const { homeEstateId, ...fields } = input;
      const person = em.create(Person, {
        ...fields,
        community: actor.communityId,
        homeEstate: await this.estateReference(em, actor, homeEstateId),
      });
      if (actor.role === 'coordinator' && actor.organisationId) {
        em.create(Membership, {
          community: actor.communityId,
          person,
          organisation: actor.organisationId,
          role: 'member',
        });
      }
      return person;
    });
  }

  list(actor: Actor, query: ListPeopleQuery) {
    const where: FilterQuery<Person> & Record<string, unknown> = { community: actor.communityId };
    const and: FilterQuery<Person>[] = [];
    if (actor.role === 'volunteer') where.id = actor.personId ?? '00000000-0000-0000-0000-000000000000';
    if (actor.role === 'coordinator')
      and.push({ $or: [{ id: actor.personId }, this.memberOf(actor.organisationId!)] });
    if (query.organisationId) and.push(this.memberOf(query.organisationId));
    if (query.active !== undefined) where.active = query.active;
    if (query.estateId) where.homeEstate = query.estateId;
    if (query.skill) where.skills = { $contains: [query.skill] };
    if (query.qualification) where.qualifications = { $contains: [query.qualification] };
    if (query.q) {
      const pattern = `%${escapeLike(query.q)}%`;
      and.push({ $or: [{ name: { $ilike: pattern } }, { phone: { $ilike: pattern } }] });
    }
    if (and.length) where.$and = and;
    return findPage(this.em, Person, where, query);
  }

  async get(actor: Actor, id: string): Promise<Person> {
    const person = await this.em.findOne(Person, { id, community: actor.communityId });
    if (!person || !canSeePerson(actor, await this.relation(actor, person.id))) throw notFound('Person');
    return person;
  }

  async update(actor: Actor, id: string, input: UpdatePersonRequest): Promise<Person> {
    const person = await this.get(actor, id);
    this.refuseStaffOnlyFields(actor, input);
    const { homeEstateId, ...fields } = input;
    // Deactivating someone ends their account's tokens in the same flush (one transaction); either
    // change of `active` is what this process's session cache must forget.
    const accounts =
      input.active !== undefined && input.active !== person.active
        ? await this.em.find(Account, { person: person.id, community: actor.communityId })
        : [];
    if (input.active === false) revokeSessions(accounts);
    const changed = accounts.map((account) => account.id);
    this.em.assign(person, fields as EntityData<Person>);
    if (homeEstateId !== undefined)
      person.homeEstate = await this.estateReference(this.em, actor, homeEstateId);
    await this.em.flush();
    this.sessions.forget(changed);
    return person;
  }

  /**
   * Deletes a person with no history; one with memberships or an account is deactivated instead,
   * so rotas and hours that name them stay intact. The row lock orders this against a membership
   * being added at the same moment.
   */
  async remove(actor: Actor, id: string): Promise<Removal> {
    let revoked: string[] = [];
    const removal = await this.em.transactional(async (em) => {
      const person = await em.findOne(
        Person,
        { id, community: actor.communityId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!person) throw notFound('Person');
      const accounts = await em.find(Account, { person: id, community: actor.communityId });
      const history =
        (await em.count(Membership, { person: id, community: actor.communityId })) + accounts.length;
      if (history > 0) {
        person.active = false;
        revoked = revokeSessions(accounts);
        return { id, outcome: 'deactivated' as const };
      }
      em.remove(person);
      return { id, outcome: 'deleted' as const };
    });
    this.sessions.forget(revoked);
    return removal;
  }

  private refuseStaffOnlyFields(actor: Actor, input: object): void {
    const refused = staffOnlyFieldsTouched(actor, Object.keys(input));
    if (refused.length) {
      throw identityError(
        'FORBIDDEN',
        `Only organisers may set: ${refused.join(', ')}`,
        refused.map((field) => ({ field, message: 'organisers only' })),
      );
    }
  }

  private memberOf(organisationId: string): FilterQuery<Person> {
    return { memberships: { $some: { organisation: organisationId, active: true } } };
  }

  private async relation(actor: Actor, personId: string): Promise<PersonRelation> {
    const isSelf = actor.personId === personId;
    const isMemberOfActorsOrganisation =
      actor.role === 'coordinator' && actor.organisationId
        ? (await this.em.count(Membership, {
            person: personId,
            organisation: actor.organisationId,
            active: true,
            community: actor.communityId,
          })) > 0
        : false;
    return { isSelf, isMemberOfActorsOrganisation };
  }

  private async estateReference(
    em: EntityManager,
    actor: Actor,
    estateId: string | null | undefined,
  ): Promise<Estate | null> {
    if (!estateId) return null;
    const estate = await em.findOne(Estate, { id: estateId, community: actor.communityId });
    if (!estate) {
      throw identityError('REFERENCE_INVALID', 'homeEstateId names no estate of this community', [
        { field: 'homeEstateId', message: 'no such estate' },
      ]);
    }
    return estate;
  }
}
