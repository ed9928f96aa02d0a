import { Injectable } from '@nestjs/common';
import { EntityData, EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Actor, escapeLike, findPage, notFound } from '@linli/platform';
import { Estate } from '../infra/estate.entity';
import type { CreateEstateRequest, ListEstatesQuery, UpdateEstateRequest } from '../api/estate.schema';

/** 小区 records. CRUD only: organisers write, everyone in the community reads. */
@Injectable()
export class EstatesService {
  constructor(private readonly em: EntityManager) {}

  async create(actor: Actor, input: CreateEstateRequest): Promise<Estate> {
    const estate = this.em.create(Estate, {
      ...input,
      community: actor.communityId,
    });
    await this.em.flush();
    return estate;
  }

  list(actor: Actor, query: ListEstatesQuery) {
    const where: FilterQuery<Estate> = { community: actor.communityId };
    if (query.active !== undefined) where.active = query.active;
    if (query.q) where.name = { $ilike: `%${escapeLike(query.q)}%` };
    return findPage(this.em, Estate, where, query);
  }

  async get(actor: Actor, id: string): Promise<Estate> {
    const estate = await this.em.findOne(Estate, { id, community: actor.communityId });
    if (!estate) throw notFound('Estate');
    return estate;
  }

  async update(actor: Actor, id: string, input: UpdateEstateRequest): Promise<Estate> {
    const estate = await this.get(actor, id);
    this.em.assign(estate, input as EntityData<Estate>);
    await this.em.flush();
    return estate;
  }

  /** Estates are referenced by people and, later, by visits: they are deactivated, never deleted. */
  async deactivate(actor: Actor, id: string): Promise<Estate> {
    return this.update(actor, id, { active: false });
  }
}
