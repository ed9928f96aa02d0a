import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, RequiredEntityData } from '@mikro-orm/postgresql';
import { Actor, Clock, DomainError, inTransaction, notFound } from '@linli/platform';
import { HoursAdjustment } from '../infra/hours-adjustment.entity';
import { assertMaySeeHoursOf } from './hours-visibility';

/** One entry of the audit trail: how many minutes, when served, why, and who wrote it down. */
export interface HoursAdjustmentView {
  id: string;
  personId: string;
  claimId: string | null;
  minutes: number;
  occurredAt: Date;
  reason: string;
  createdBy: { accountId: string; name: string | null };
  createdAt: Date;
}

interface AdjustmentRow {
  id: string;
  person_id: string;
  claim_id: string | null;
  minutes: number;
  occurred_at: Date;
  reason: string;
  created_by: string;
  created_by_name: string | null;
  created_at: Date;
}

/**
 * Manual corrections of service hours. Append-only: a wrong entry is corrected by another entry
 * with the opposite minutes and its own reason, so the trail shows both.
 */
@Injectable()
export class HoursAdjustmentsService {
  constructor(
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async create(
    actor: Actor,
    personId: string,
    input: { minutes: number; reason: string; occurredAt: Date; claimId?: string | null },
  ): Promise<HoursAdjustmentView> {
    if (input.occurredAt.getTime() > this.clock.now().getTime()) {
      throw new DomainError('VALIDATION_FAILED', 'occurredAt cannot be in the future', [
        { field: 'body.occurredAt', message: 'in the future' },
      ]);
    }
    const id = await inTransaction(this.em, async (tx) => {
      const em = tx as EntityManager;
      const person = await this.select<{ id: string }>(
        em,
        `SELECT id FROM person WHERE id = ? AND community_id = ?`,
        [personId, actor.communityId],
      );
      if (!person.length) throw notFound('Person');
      if (input.claimId) {
        const claim = await this.select<{ id: string }>(
          em,
          `SELECT id FROM claim WHERE id = ? AND person_id = ? AND community_id = ?`,
          [input.claimId, personId, actor.communityId],
        );
        if (!claim.length)
          throw new DomainError('REFERENCE_INVALID', 'claimId names no claim of this person', [
            { field: 'body.claimId', message: 'no such claim of this person' },
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
    const [row] = await this.rows(this.em, 'a.id = ?', [id], 1, 0);
    return view(row);
  }

  /** Newest first; visible to whoever may see the person's hours. */
  async list(
    actor: Actor,
    personId: string,
    page: { page: number; pageSize: number },
  ): Promise<{ items: HoursAdjustmentView[]; page: number; pageSize: number; total: number }> {
    const em = this.em.fork();
    await assertMaySeeHoursOf(em, actor, personId);
    const where = 'a.community_id = ? AND a.person_id = ?';
    const params = [actor.communityId, personId];
    const [rows, count] = await Promise.all([
      this.rows(em, where, params, page.pageSize, (page.page - 1) * page.pageSize),
      this.select<{ total: number }>(
        em,
        `SELECT count(*)::int AS total FROM hours_adjustment a WHERE ${where}`,
        params,
      ),
    ]);
    return { items: rows.map(view), page: page.page, pageSize: page.pageSize, total: count[0].total };
  }

  private rows(em: EntityManager, where: string, params: unknown[], limit: number, offset: number) {
    return this.select<AdjustmentRow>(
      em,
      `SELECT a.id, a.person_id, a.claim_id, a.minutes, a.occurred_at, a.reason, a.created_by,
              a.created_at, p.name AS created_by_name
         FROM hours_adjustment a
         LEFT JOIN account ac ON ac.id = a.created_by
         LEFT JOIN person p ON p.id = ac.person_id
        WHERE ${where}
        ORDER BY a.created_at DESC, a.id DESC
        LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
  }

  private select<T extends object>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
    return em.getConnection().execute<T[]>(sql, params, 'all', em.getTransactionContext());
  }
}

function view(row: AdjustmentRow): HoursAdjustmentView {
  return {
    id: row.id,
    personId: row.person_id,
    claimId: row.claim_id,
    minutes: row.minutes,
    occurredAt: new Date(row.occurred_at),
    reason: row.reason,
    createdBy: { accountId: row.created_by, name: row.created_by_name },
    createdAt: new Date(row.created_at),
  };
}
