import { Entity, Filter, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { tenantFilter } from '@linli/platform';
import { Community } from './community.entity';
import { LoginSession } from './login-session.entity';

/**
 * One refresh token of a browser session, stored as the SHA-256 of the secret the cookie carries
 * (the secret is 256 random bits, so a fast hash is enough and a leaked table grants nothing).
 * Good once: using it sets `usedAt` and issues the next; a used one presented again is reuse.
 * The hash is unique platform-wide: a refresh is looked up before any community is known.
 */
@Entity({ tableName: 'refresh_token' })
@Filter(tenantFilter)
export class RefreshToken {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Community, { deleteRule: 'cascade' })
  community!: Community;

  @ManyToOne(() => LoginSession, { deleteRule: 'cascade', index: true })
  session!: LoginSession;

  /** Hex SHA-256 of the token. */
  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @Property({ type: 'datetime' })
  issuedAt!: Date;

  /** The idle limit: SESSION_IDLE_DAYS after issue, never after the session's own end. */
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt?: Date;
}
