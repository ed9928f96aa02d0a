import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An event a consumer could not read: its payload did not match the publisher's schema. Parked,
 * logged and skipped rather than guessed at; an operator looks at `reason`, fixes the publisher
 * or the schema, and replays by hand. Shared platform table (every consumer parks here).
 */
@Entity({ tableName: 'parked_event' })
export class ParkedEvent {
  @PrimaryKey({ type: 'text' })
  consumer!: string;

  @PrimaryKey({ type: 'bigint' })
  eventId!: string;

  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  parkedAt!: Date;
}
