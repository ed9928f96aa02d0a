import { Check, Entity, Filter, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { tenantFilter } from '@linli/platform';
import type { Community } from '@linli/identity';
import { SCOPE_KIND_CHECK, type SubscriptionScopeKind } from '../domain/subscription-scope';

/** The owning account, referenced by id only: identity keeps its entity classes to itself. */
export interface AccountRef {
  id: string;
}

/**
 * A personal calendar feed: whose URL it is and what it shows. Only the SHA-256 of the URL's
 * token is kept; the token itself is shown once, when the subscription is made. Revoked rows stay
 * (they answer an empty calendar for a grace period, then 410).
 */
@Entity({ tableName: 'calendar_subscription' })
@Filter(tenantFilter)
@Index({
  name: 'calendar_subscription_owner_listing',
  properties: ['community', 'ownerAccount', 'createdAt'],
})
@Unique({ properties: ['rotatedFrom'] })
@Check({
  name: 'calendar_subscription_scope_id_present',
  expression: "(scope_kind = 'community') = (scope_id is null)",
})
// Kinds are contributed by contexts (CalendarScopes), so the column holds the kind's syntax, not a list.
@Check({ name: 'calendar_subscription_scope_kind_name', expression: SCOPE_KIND_CHECK })
@Check({ name: 'calendar_subscription_token_hash_hex', expression: "token_hash ~ '^[0-9a-f]{64}$'" })
@Check({ name: 'calendar_subscription_label_length', expression: 'char_length(label) <= 100' })
export class CalendarSubscription {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: 'Community', deleteRule: 'cascade' })
  community!: Community;

  /** community, or a kind a context contributes: person, organisation, estate (identity), venue... */
  @Property({ type: 'text' })
  scopeKind!: SubscriptionScopeKind;

  /** The person, organisation, estate, venue...; null for the whole community. */
  @Property({ type: 'uuid', nullable: true })
  scopeId!: string | null;

  @ManyToOne({ entity: 'Account', deleteRule: 'cascade' })
  ownerAccount!: AccountRef;

  /** Lower-case hex SHA-256 of the token: feeds are looked up by it. Unique across communities. */
  @Property({ type: 'text', unique: true, hidden: true })
  tokenHash!: string;

  @Property({ type: 'text', nullable: true })
  label?: string | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;

  /** The subscription this one replaced when its URL was rotated. */
  @ManyToOne(() => CalendarSubscription, { nullable: true, deleteRule: 'set null' })
  rotatedFrom?: CalendarSubscription | null;

  /**
   * The ETag last served and when a served body last differed from it. Entries that drop out of a
   * feed leave no lastModified behind; this keeps Last-Modified moving forward when they do, so
   * clients that only send If-Modified-Since still see removals.
   */
  @Property({ type: 'text', nullable: true, hidden: true })
  contentEtag?: string | null;

  @Property({ type: 'datetime', nullable: true })
  contentChangedAt?: Date | null;
}
