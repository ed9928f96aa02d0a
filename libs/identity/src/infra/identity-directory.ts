import { Injectable } from '@nestjs/common';
import { isUuid, SqlDatabase, type Sql } from '@linli/platform';
import type { PartnerKind } from '../domain/partner-kind';

/**
 * identity's read port (docs/decisions/0013-context-contracts.md): what other contexts may know
 * about communities, estates, organisations and people, as plain values. For one lookup at a time;
 * a statement that must join identity's data reads the published views (`identity_person_v1`...).
 */
export interface CommunityFacts {
  id: string;
  name: string;
  slug: string;
  /** IANA zone the community's wall times are in, e.g. Asia/Shanghai. */
  timeZone: string;
  locale: string;
  updatedAt: Date;
}

export interface EstateFacts {
  id: string;
  name: string;
  active: boolean;
  updatedAt: Date;
}

export interface OrganisationFacts {
  id: string;
  name: string;
  kind: PartnerKind;
  active: boolean;
  updatedAt: Date;
}

export interface PersonFacts {
  id: string;
  name: string;
  active: boolean;
  updatedAt: Date;
}

/** Where and how to write to an active person. */
export interface PersonContact {
  personId: string;
  communityId: string;
  name: string;
  /** Their own email, else their active account's login email; null when neither exists. */
  mailAddress: string | null;
  /** BCP 47 tags in the person's order of preference, e.g. ['zh-CN', 'en']. */
  languages: string[];
}

/** The reads, on any `Sql`: the directory's own pool, or a caller's transaction (`within`). */
export class IdentityReads {
  constructor(private readonly sql: Sql) {}

  async community(communityId: string): Promise<CommunityFacts | undefined> {
    if (!isUuid(communityId)) return undefined;
    const [row] = await this.sql<CommunityRow>(
      `SELECT id, name, slug, time_zone, locale, updated_at FROM community WHERE id = $1`,
      [communityId],
    );
    return row && mapCommunity(row);
  }

  async communityBySlug(slug: string): Promise<CommunityFacts | undefined> {
    const [row] = await this.sql<CommunityRow>(
      `SELECT id, name, slug, time_zone, locale, updated_at FROM community WHERE slug = $1`,
      [slug],
    );
    return row && mapCommunity(row);
  }

  async estate(communityId: string, estateId: string): Promise<EstateFacts | undefined> {
    if (!isUuid(communityId) || !isUuid(estateId)) return undefined;
    const [row] = await this.sql<FactsRow>(
      `SELECT id, name, active, updated_at FROM estate WHERE id = $1 AND community_id = $2`,
      [estateId, communityId],
    );
    return row && mapFacts(row);
  }

  async organisation(communityId: string, organisationId: string): Promise<OrganisationFacts | undefined> {
    if (!isUuid(communityId) || !isUuid(organisationId)) return undefined;
    const [row] = await this.sql<FactsRow & { kind: PartnerKind }>(
      `SELECT id, name, kind, active, updated_at FROM partner_organisation WHERE id = $1 AND community_id = $2`,
      [organisationId, communityId],
    );
    return row && { ...mapFacts(row), kind: row.kind };
  }

  async person(communityId: string, personId: string): Promise<PersonFacts | undefined> {
    if (!isUuid(communityId) || !isUuid(personId)) return undefined;
    const [row] = await this.sql<FactsRow>(
      `SELECT id, name, active, updated_at FROM person WHERE id = $1 AND community_id = $2`,
      [personId, communityId],
    );
    return row && mapFacts(row);
  }

  /**
   * Whether the account may still act: it is active and so is its person (when it has one). False
   * for an unknown account. The rule login and the per-request session check apply; SQL that joins
   * `identity_account_v1` reads the same thing as its `may_act` column.
   */
  async accountMayAct(communityId: string, accountId: string): Promise<boolean> {
    if (!isUuid(communityId) || !isUuid(accountId)) return false;
    const [row] = await this.sql<{ may_act: boolean }>(
      `SELECT may_act FROM identity_account_v1 WHERE id = $1 AND community_id = $2`,
      [accountId, communityId],
    );
    return row?.may_act === true;
  }

  /** An active membership of the person in the organisation (either role). */
  async isActiveMember(communityId: string, personId: string, organisationId: string): Promise<boolean> {
    if (!isUuid(communityId) || !isUuid(personId) || !isUuid(organisationId)) return false;
    const rows = await this.sql(
      `SELECT 1 FROM membership
        WHERE person_id = $1 AND organisation_id = $2 AND community_id = $3 AND active`,
      [personId, organisationId, communityId],
    );
    return rows.length > 0;
  }

  /**
   * The contacts of those of `personIds` who are active (of `communityId` when given; any
   * community when undefined, for work that spans tenants). Unknown and inactive people are left
   * out; the order is not the order asked.
   */
  async contacts(communityId: string | undefined, personIds: readonly string[]): Promise<PersonContact[]> {
    if (communityId !== undefined && !isUuid(communityId)) return [];
    const ids = [...new Set(personIds.filter(isUuid))];
    if (!ids.length) return [];
    // identity_person_v1 holds the one definition of a person's mail address.
    const rows = await this.sql<ContactRow>(
      `SELECT id, community_id, name, mail_address, languages FROM identity_person_v1
        WHERE id = ANY($1::uuid[]) AND active AND ($2::uuid IS NULL OR community_id = $2::uuid)`,
      [ids, communityId ?? null],
    );
    return rows.map((row) => ({
      personId: row.id,
      communityId: row.community_id,
      name: row.name,
      mailAddress: row.mail_address,
      languages: row.languages ?? [],
    }));
  }
}

/**
 * The read port as a provider (exported by IdentityModule). Reads run on the platform's SQL pool,
 * outside any caller's transaction; a unit of work written in SQL that wants them inside its own
 * transaction uses `within(sql)`.
 */
@Injectable()
export class IdentityDirectory extends IdentityReads {
  constructor(db: SqlDatabase) {
    super(db.query);
  }

  /** The same reads on the caller's transaction. */
  within(sql: Sql): IdentityReads {
    return new IdentityReads(sql);
  }
}

interface CommunityRow {
  id: string;
  name: string;
  slug: string;
  time_zone: string;
  locale: string;
  updated_at: Date | string;
}

interface FactsRow {
  id: string;
  name: string;
  active: boolean;
  updated_at: Date | string;
}

interface ContactRow {
  id: string;
  community_id: string;
  name: string;
  mail_address: string | null;
  languages: string[] | null;
}

// pg's parser gives Dates; an `Sql` from elsewhere might not, and the port promises Dates.
const toDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

function mapCommunity(row: CommunityRow): CommunityFacts {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    timeZone: row.time_zone,
    locale: row.locale,
    updatedAt: toDate(row.updated_at),
  };
}

function mapFacts(row: FactsRow): EstateFacts & PersonFacts {
  return { id: row.id, name: row.name, active: row.active, updatedAt: toDate(row.updated_at) };
}
