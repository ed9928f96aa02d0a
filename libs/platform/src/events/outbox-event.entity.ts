import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Domain events, written in the same transaction as the change that caused them. Consumers in
 * other contexts (calendar, reminders) read them in order of `id` and keep their own position,
 * so an event is never lost between "committed" and "published".
 */
@Entity({ tableName: 'outbox_event' })
@Index({ properties: ['communityId', 'id'] })
@Index({ properties: ['aggregateId'] })
export class OutboxEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  communityId!: string;

  /** e.g. ShiftChanged, ClaimConfirmed, ClaimCancelled, WaitlistPromoted. */
  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'uuid' })
  aggregateId!: string;

  /** The aggregate's version after the change (the shift's version for shift events). */
  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Property({ type: 'datetime' })
  occurredAt!: Date;
}
