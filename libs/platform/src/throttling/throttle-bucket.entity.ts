import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** One rate-limit counter, shared by every API process through the database. */
@Entity({ tableName: 'throttle_bucket' })
export class ThrottleBucket {
  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'integer' })
  hits!: number;

  @Property({ type: 'datetime', index: true })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  blockedUntil?: Date;
}
