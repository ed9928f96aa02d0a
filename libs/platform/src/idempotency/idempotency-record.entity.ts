import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The first answer to a request sent with an Idempotency-Key, replayed to retries. */
@Entity({ tableName: 'idempotency_record' })
export class IdempotencyRecord {
  /** The caller's account: keys are private to whoever sent them. */
  @PrimaryKey({ type: 'uuid' })
  accountId!: string;

  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'uuid' })
  communityId!: string;

  /** Method, route and body, hashed: the same key with another request is refused. */
  @Property({ type: 'text' })
  requestHash!: string;

  @Property({ type: 'integer', nullable: true })
  responseStatus?: number | null;

  @Property({ type: 'json', nullable: true })
  responseBody?: unknown;

  @Property({ type: 'datetime', index: true })
  createdAt: Date = new Date();
}
