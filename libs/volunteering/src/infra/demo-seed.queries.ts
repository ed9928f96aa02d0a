import type { EntityManager } from '@mikro-orm/core';
import { sqlIn, type Sql } from '@linli/platform';

/** Any fixed number (not identity's): one process seeds while others wait, then see the shifts. */
const SEED_LOCK = 20_261_202;

export interface DemoAccount {
  id: string;
  role: string;
  email: string | null;
  personId: string | null;
  organisationId: string | null;
}

export interface DemoPersonRow {
  id: string;
  birthYear: number | null;
  skills: string[];
  qualifications: string[];
}

/**
 * What the volunteering demo seed reads, inside its own transaction: the demo community and its
 * people, accounts, memberships and estates through identity's published views.
 */
export class DemoSeedQueries {
  constructor(private readonly run: Sql) {}

  static in(em: EntityManager): DemoSeedQueries {
    return new DemoSeedQueries(sqlIn(em));
  }

  /** Several processes starting at once: one seeds, the others wait here and then find shifts. */
  async lock(): Promise<void> {
    await this.run(`SELECT pg_advisory_xact_lock($1)`, [SEED_LOCK]);
  }

  async community(slug: string): Promise<{ id: string; timeZone: string } | undefined> {
    const [row] = await this.run<{ id: string; time_zone: string }>(
      `SELECT id, time_zone FROM identity_community_v1 WHERE slug = $1`,
      [slug],
    );
    return row && { id: row.id, timeZone: row.time_zone };
  }

  async hasShifts(communityId: string): Promise<boolean> {
    const rows = await this.run(`SELECT 1 FROM shift WHERE community_id = $1 LIMIT 1`, [communityId]);
    return rows.length > 0;
  }

  async accounts(communityId: string): Promise<DemoAccount[]> {
    const rows = await this.run<{
      id: string;
      role: string;
      email: string | null;
      person_id: string | null;
      organisation_id: string | null;
    }>(
      `SELECT id, role, email, person_id, organisation_id FROM identity_account_v1
        WHERE community_id = $1 AND active ORDER BY email NULLS LAST, id`,
      [communityId],
    );
    return rows.map((row) => ({
      id: row.id,
      role: row.role,
      email: row.email,
      personId: row.person_id,
      organisationId: row.organisation_id,
    }));
  }

  /** Active people in the order identity's demo seed numbered their phones (the demo account holders first). */
  async people(communityId: string): Promise<DemoPersonRow[]> {
    const rows = await this.run<{
      id: string;
      birth_year: number | null;
      skills: string[];
      qualifications: string[];
    }>(
      `SELECT id, birth_year, skills, qualifications FROM identity_person_v1
        WHERE community_id = $1 AND active ORDER BY phone NULLS LAST, name, id`,
      [communityId],
    );
    return rows.map((row) => ({
      id: row.id,
      birthYear: row.birth_year,
      skills: row.skills,
      qualifications: row.qualifications,
    }));
  }

  async memberships(communityId: string): Promise<{ personId: string; organisationId: string }[]> {
    const rows = await this.run<{ person_id: string; organisation_id: string }>(
      `SELECT person_id, organisation_id FROM identity_membership_v1 WHERE community_id = $1 AND active`,
      [communityId],
    );
    return rows.map((row) => ({ personId: row.person_id, organisationId: row.organisation_id }));
  }

  async estates(communityId: string): Promise<{ id: string; name: string }[]> {
    return this.run<{ id: string; name: string }>(
      `SELECT id, name FROM identity_estate_v1 WHERE community_id = $1 AND active`,
      [communityId],
    );
  }
}
