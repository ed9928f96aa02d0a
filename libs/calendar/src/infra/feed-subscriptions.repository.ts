import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '@linli/platform';
import type { SubscriptionScope, SubscriptionScopeKind } from '../domain/subscription-scope';
import { CommunityFacts, Timestamp, toDate, toNullableDate } from './scope-directory';

/** Everything serving a feed needs about its subscription, its owner and its community. */
export interface FeedSubscription {
  id: string;
  scope: SubscriptionScope;
  tokenHash: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  contentEtag: string | null;
  contentChangedAt: Date | null;
  owner: {
    accountId: string;
    role: Role;
    personId?: string;
    organisationId?: string;
    active: boolean;
  };
  community: CommunityFacts;
  names: { organisation?: string; estate?: string };
}

interface Row {
  id: string;
  community_id: string;
  scope_kind: SubscriptionScopeKind;
  scope_id: string | null;
  token_hash: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  content_etag: string | null;
  content_changed_at: Timestamp | null;
  owner_account_id: string;
  owner_role: Role;
  owner_person_id: string | null;
  owner_organisation_id: string | null;
  owner_active: boolean;
  community_name: string;
  time_zone: string;
  locale: string;
  organisation_name: string | null;
  estate_name: string | null;
}

// One round trip on the unique token_hash index: the subscription, its owner's current rights,
// and the names its calendar title needs. Tenant filters do not apply (the token is the tenant key).
const BY_TOKEN_HASH = `
SELECT s.id, s.community_id, s.scope_kind, s.scope_id, s.token_hash, s.created_at, s.last_used_at,
       s.revoked_at, s.content_etag, s.content_changed_at, s.owner_account_id,
       a.role AS owner_role, a.person_id AS owner_person_id, a.organisation_id AS owner_organisation_id,
       a.active AS owner_active, c.name AS community_name, c.time_zone, c.locale,
       o.name AS organisation_name, e.name AS estate_name
  FROM calendar_subscription s
  JOIN account a ON a.id = s.owner_account_id
  JOIN community c ON c.id = s.community_id
  LEFT JOIN partner_organisation o
         ON s.scope_kind = 'organisation' AND o.id = s.scope_id AND o.community_id = s.community_id
  LEFT JOIN estate e ON s.scope_kind = 'estate' AND e.id = s.scope_id AND e.community_id = s.community_id
 WHERE s.token_hash = ?`;

@Injectable()
export class FeedSubscriptionsRepository {
  constructor(private readonly em: EntityManager) {}

  async byTokenHash(tokenHash: string): Promise<FeedSubscription | undefined> {
    const [row] = await this.em.getConnection().execute<Row[]>(BY_TOKEN_HASH, [tokenHash]);
    if (!row) return undefined;
    return {
      id: row.id,
      scope: { kind: row.scope_kind, id: row.scope_id },
      tokenHash: row.token_hash,
      createdAt: toDate(row.created_at),
      lastUsedAt: toNullableDate(row.last_used_at),
      revokedAt: toNullableDate(row.revoked_at),
      contentEtag: row.content_etag,
      contentChangedAt: toNullableDate(row.content_changed_at),
      owner: {
        accountId: row.owner_account_id,
        role: row.owner_role,
        personId: row.owner_person_id ?? undefined,
        organisationId: row.owner_organisation_id ?? undefined,
        active: row.owner_active,
      },
      community: {
        id: row.community_id,
        name: row.community_name,
        timeZone: row.time_zone,
        locale: row.locale,
      },
      names: { organisation: row.organisation_name ?? undefined, estate: row.estate_name ?? undefined },
    };
  }

  /** At most one write per minute of polling (the WHERE makes concurrent pollers write once). */
  async touch(id: string, now: Date, staleBefore: Date): Promise<void> {
    await this.em.getConnection().execute(
      `UPDATE calendar_subscription SET last_used_at = ?
          WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)`,
      [now, id, staleBefore],
      'run',
    );
  }

  /**
   * Records the ETag just served. The first one is only remembered; a later different one moves
   * contentChangedAt to now, so Last-Modified advances even when entries only disappeared.
   */
  async recordContent(id: string, etag: string, now: Date): Promise<void> {
    await this.em.getConnection().execute(
      `UPDATE calendar_subscription
          SET content_changed_at = CASE WHEN content_etag IS NULL THEN content_changed_at ELSE ? END,
              content_etag = ?, last_used_at = ?
        WHERE id = ? AND content_etag IS DISTINCT FROM ?`,
      [now, etag, now, id, etag],
      'run',
    );
  }
}
