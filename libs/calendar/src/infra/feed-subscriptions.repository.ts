import { Injectable } from '@nestjs/common';
import { SqlDatabase, type Role } from '@linli/platform';
import type { SubscriptionScope } from '../domain/subscription-scope';

/** The community facts a feed's title and zone need. */
export interface FeedCommunity {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
}

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
    /** The account may act: it is enabled and its person (if any) is active (identity's `may_act`). */
    active: boolean;
    /** The owner's reminder offsets (minutes before): their feeds' alarms; undefined when never chosen. */
    alarmMinutesBefore?: number[];
  };
  /** A person feed's subject is still an active person (false: removed); true for other scopes. */
  subjectActive: boolean;
  community: FeedCommunity;
  names: { organisation?: string; estate?: string; label?: string };
}

interface SubscriptionRow {
  id: string;
  community_id: string;
  scope_kind: string;
  scope_id: string | null;
  token_hash: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  content_etag: string | null;
  content_changed_at: Date | null;
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
  label: string | null;
  owner_alarm_minutes: number[] | null;
  subject_active: boolean | null;
}

// One round trip on the unique token_hash index: the subscription, its owner's current rights
// and reminder preferences (their feeds' alarms, through reminders' published view),
// and the names its calendar title needs, through identity's published views (they inline into
// this plan like the tables). Tenant filters do not apply (the token is the tenant key).
const BY_TOKEN_HASH = `
SELECT s.id, s.community_id, s.scope_kind, s.scope_id, s.token_hash, s.created_at, s.last_used_at,
       s.revoked_at, s.content_etag, s.content_changed_at, s.owner_account_id,
       a.role AS owner_role, a.person_id AS owner_person_id, a.organisation_id AS owner_organisation_id,
       a.may_act AS owner_active, sp.active AS subject_active, c.name AS community_name, c.time_zone, c.locale,
       o.name AS organisation_name, e.name AS estate_name, s.label,
       rp.offsets_minutes AS owner_alarm_minutes
  FROM calendar_subscription s
  JOIN identity_account_v1 a ON a.id = s.owner_account_id
  JOIN identity_community_v1 c ON c.id = s.community_id
  LEFT JOIN identity_person_v1 sp
         ON s.scope_kind = 'person' AND sp.id = COALESCE(s.scope_id, a.person_id)
        AND sp.community_id = s.community_id
  LEFT JOIN reminders_preference_v1 rp
         ON rp.community_id = s.community_id AND rp.person_id = a.person_id
  LEFT JOIN identity_partner_organisation_v1 o
         ON s.scope_kind = 'organisation' AND o.id = s.scope_id AND o.community_id = s.community_id
  LEFT JOIN identity_estate_v1 e
         ON s.scope_kind = 'estate' AND e.id = s.scope_id AND e.community_id = s.community_id
 WHERE s.token_hash = $1`;

/** The feed path's reads and writes of calendar_subscription, one statement each. */
@Injectable()
export class FeedSubscriptionsRepository {
  constructor(private readonly db: SqlDatabase) {}

  async byTokenHash(tokenHash: string): Promise<FeedSubscription | undefined> {
    const [row] = await this.db.query<SubscriptionRow>(BY_TOKEN_HASH, [tokenHash]);
    return row && mapFeedSubscription(row);
  }

  /** At most one write per minute of polling (the WHERE makes concurrent pollers write once). */
  async touch(id: string, now: Date, staleBefore: Date): Promise<void> {
    await this.db.query(
      `UPDATE calendar_subscription SET last_used_at = $1
        WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)`,
      [now, id, staleBefore],
    );
  }

  /**
   * Records the ETag just served. The first one is only remembered; a later different one moves
   * contentChangedAt to now, so Last-Modified advances even when entries only disappeared.
   */
  async recordContent(id: string, etag: string, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE calendar_subscription
          SET content_changed_at = CASE WHEN content_etag IS NULL THEN content_changed_at ELSE $1 END,
              content_etag = $2, last_used_at = $1
        WHERE id = $3 AND content_etag IS DISTINCT FROM $2`,
      [now, etag, id],
    );
  }
}

function mapFeedSubscription(row: SubscriptionRow): FeedSubscription {
  return {
    id: row.id,
    scope: { kind: row.scope_kind, id: row.scope_id },
    tokenHash: row.token_hash,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    contentEtag: row.content_etag,
    contentChangedAt: row.content_changed_at,
    owner: {
      accountId: row.owner_account_id,
      role: row.owner_role,
      personId: row.owner_person_id ?? undefined,
      organisationId: row.owner_organisation_id ?? undefined,
      active: row.owner_active,
      alarmMinutesBefore: row.owner_alarm_minutes?.map(Number),
    },
    subjectActive: row.subject_active !== false,
    community: {
      id: row.community_id,
      name: row.community_name,
      timeZone: row.time_zone,
      locale: row.locale,
    },
    names: {
      organisation: row.organisation_name ?? undefined,
      estate: row.estate_name ?? undefined,
      label: row.label ?? undefined,
    },
  };
}
