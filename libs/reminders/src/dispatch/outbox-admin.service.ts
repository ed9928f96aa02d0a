import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, type FilterQuery } from '@mikro-orm/core';
import { Clock, DomainError, MailOutbox, type MailStatus, findPage, notFound } from '@linli/platform';

export interface OutboxListQuery {
  status?: MailStatus;
  kind?: string;
  page: number;
  pageSize: number;
  sort: string;
}

/** Organisers' view of their community's mail: what is due, sent, failed and why; retry a failure. */
@Injectable()
export class OutboxAdminService {
  constructor(
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  list(communityId: string, query: OutboxListQuery) {
    const where: FilterQuery<MailOutbox> = { communityId };
    if (query.status) where.status = query.status;
    if (query.kind) where.kind = query.kind;
    return findPage(this.em.fork(), MailOutbox, where, query);
  }

  /** failed -> pending, attempts from zero, due now. Only a failed message can be retried. */
  async retry(communityId: string, id: string): Promise<MailOutbox> {
    const em = this.em.fork();
    const updated = await em.nativeUpdate(
      MailOutbox,
      { id, communityId, status: 'failed' },
      { status: 'pending', attempts: 0, availableAt: this.clock.now(), leaseUntil: null },
    );
    const row = await em.findOne(MailOutbox, { id, communityId });
    if (!row) throw notFound('Message');
    if (updated === 0) {
      throw new DomainError('CONFLICT', `Only a failed message can be retried; this one is ${row.status}`);
    }
    return row;
  }
}
