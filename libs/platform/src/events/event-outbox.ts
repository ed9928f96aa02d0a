import type { EntityManager } from '@mikro-orm/core';
import { OutboxEvent } from './outbox-event.entity';

export interface DomainEvent {
  communityId: string;
  type: string;
  aggregateId: string;
  version: number;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

/** Adds events to the unit of work of `em`: they commit (or roll back) with the change. */
export function recordEvents(em: EntityManager, events: DomainEvent[]): void {
  for (const event of events) em.persist(em.create(OutboxEvent, event as OutboxEvent));
}
