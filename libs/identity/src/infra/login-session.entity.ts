import { Entity, Enum, Filter, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { tenantFilter } from '@linli/platform';
import { SESSION_END_REASONS, type SessionEndReason } from '../domain/refresh-session';
import { Account } from './account.entity';
import { Community } from './community.entity';

/**
 * A browser session: one sign-in and the refresh tokens it has been exchanged for (the session
 * family). Written and read in SQL (login-sessions.store.ts); this entity keeps the schema and the
 * migrations in step. Rows go when their absolute lifetime is over (pruned at the next sign-in).
 */
@Entity({ tableName: 'login_session' })
@Filter(tenantFilter)
export class LoginSession {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Community, { deleteRule: 'cascade' })
  community!: Community;

  @ManyToOne(() => Account, { deleteRule: 'cascade', index: true })
  account!: Account;

  /** The account's token version at sign-in: a later bump (disabled, signed out) ends the session. */
  @Property({ type: 'integer' })
  tokenVersion!: number;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  /** The absolute end (SESSION_MAX_DAYS after sign-in), whatever the refreshes. */
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  endedAt?: Date;

  @Enum({ items: () => SESSION_END_REASONS, type: 'text', nullable: true })
  endReason?: SessionEndReason;
}
