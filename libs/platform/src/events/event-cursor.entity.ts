import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** An event id the consumer passed without seeing it, and when (database time) it first noticed. */
export interface EventGap {
  id: string;
  since: string;
}

/**
 * A consumer's position in outbox_event. One row per consumer, locked with FOR UPDATE SKIP LOCKED
 * while a batch is handled, so any number of workers may run the consumer and each event is
 * handled by one of them, in the same transaction as the cursor moves.
 */
@Entity({ tableName: 'event_cursor' })
export class EventCursor {
  @PrimaryKey({ type: 'text' })
  consumer!: string;

  /** The highest event id read. */
  @Property({ type: 'bigint' })
  lastId: string = '0';

  /**
   * Ids below lastId not seen yet: a transaction that took its id earlier may still commit (ids are
   * handed out at insert, rows appear at commit). Watched for a grace period, then given up as
   * rolled back.
   */
  @Property({ type: 'json' })
  gaps: EventGap[] = [];

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
