import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, RequiredEntityData } from '@mikro-orm/postgresql';
import { Actor, Clock, DomainError, inTransaction, notFound } from '@linli/platform';
import { IdentityDirectory } from '@linli/identity';
import { Claim } from '../../infra/claim.entity';
import { HoursAdjustment } from '../../infra/hours-adjustment.entity';
import { HoursAdjustmentQueries, type HoursAdjustmentView } from '../../infra/hours-adjustment.queries';
import { assertMaySeeHoursOf } from './hours-visibility';

export type { HoursAdjustmentView };

/**
 * Manual corrections of service hours. Append-only: a wrong entry is corrected by another entry
 * with the opposite minutes and its own reason, so the trail shows both.
 */
@Injectable()
export class HoursAdjustmentsService {
  constructor(
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
    private readonly identity: IdentityDirectory,
    private readonly queries: HoursAdjustmentQueries,
  ) {}

  async create(
    actor: Actor,
    personId: string,
    input: { minutes: number; reason: string; occurredAt: Date; claimId?: string | null },
  ): Promise<HoursAdjustmentView> {
    if (input.occurredAt.getTime() > this.clock.now().getTime()) {
      throw new DomainError('VALIDATION_FAILED', 'occurredAt cannot be in the future', [
        { field: 'occurredAt', message: 'in the future' },
      ]);
    }
    if (!(await this.identity.person(actor.communityId, personId))) throw notFound('Person');
    const id = await inTransaction(this.em, async (tx) => {
      const em = tx as EntityManager;
      if (input.claimId) {
        const claims = await em.count(Claim, {
          id: input.claimId,
          person: personId,
          community: actor.communityId,
        });
        if (!claims)
          throw new DomainError('REFERENCE_INVALID', 'claimId names no claim of this person', [
            { field: 'claimId', message: 'no such claim of this person' },
          ]);
      }
      const adjustment = em.create(HoursAdjustment, {
        community: actor.communityId,
        person: personId,
        claim: input.claimId ?? null,
        minutes: input.minutes,
        occurredAt: input.occurredAt,
        reason: input.reason,
        createdBy: actor.accountId,
        createdAt: this.clock.now(),
      } as RequiredEntityData<HoursAdjustment>);
      await em.flush();
      return adjustment.id;
    });
    return (await this.queries.byId(id))!;
  }

  /** Newest first; visible to whoever may see the person's hours. */
  async list(
    actor: Actor,
    personId: string,
    page: { page: number; pageSize: number },
  ): Promise<{ items: HoursAdjustmentView[]; page: number; pageSize: number; total: number }> {
    await assertMaySeeHoursOf(this.identity, actor, personId);
    const { items, total } = await this.queries.ofPerson(actor.communityId, personId, {
      limit: page.pageSize,
      offset: (page.page - 1) * page.pageSize,
    });
    return { items, page: page.page, pageSize: page.pageSize, total };
  }
}
