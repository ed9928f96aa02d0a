import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { SubscriptionScopeKind } from '../domain/subscription-scope';

export interface CommunityFacts {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
}

/** Raw queries get timestamptz as text (MikroORM's driver setting); entities get Dates. */
export type Timestamp = Date | string;
export const toDate = (value: Timestamp): Date => (value instanceof Date ? value : new Date(value));
export const toNullableDate = (value: Timestamp | null): Date | null =>
  value === null ? null : toDate(value);

/** The identity tables a scope can name. Venues have no table yet: a venue id names nothing. */
const SCOPE_TABLES: Partial<Record<SubscriptionScopeKind, string>> = {
  person: 'person',
  organisation: 'partner_organisation',
  estate: 'estate',
};

/**
 * Reads identity's tables for what feeds need to know: does an id name a record of this
 * community, what are the community's name, zone and language. Read-only, one indexed row each.
 */
@Injectable()
export class ScopeDirectory {
  constructor(private readonly em: EntityManager) {}

  async exists(communityId: string, kind: SubscriptionScopeKind, id: string | null): Promise<boolean> {
    if (kind === 'community') return true;
    const table = SCOPE_TABLES[kind];
    if (!table || !id) return false;
    const rows = await this.em
      .getConnection()
      .execute(`SELECT 1 FROM ${table} WHERE id = ? AND community_id = ?`, [id, communityId]);
    return rows.length > 0;
  }

  async communityBySlug(slug: string): Promise<(CommunityFacts & { updatedAt: Date }) | undefined> {
    const [row] = await this.em
      .getConnection()
      .execute<{ id: string; name: string; time_zone: string; locale: string; updated_at: Timestamp }[]>(
        `SELECT id, name, time_zone, locale, updated_at FROM community WHERE slug = ?`,
        [slug],
      );
    return (
      row && {
        id: row.id,
        name: row.name,
        timeZone: row.time_zone,
        locale: row.locale,
        updatedAt: toDate(row.updated_at),
      }
    );
  }

  async estate(
    communityId: string,
    estateId: string,
  ): Promise<{ name: string; updatedAt: Date } | undefined> {
    const [row] = await this.em
      .getConnection()
      .execute<{ name: string; updated_at: Timestamp }[]>(
        `SELECT name, updated_at FROM estate WHERE id = ? AND community_id = ?`,
        [estateId, communityId],
      );
    return row && { name: row.name, updatedAt: toDate(row.updated_at) };
  }
}
