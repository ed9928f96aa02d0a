import { Injectable } from '@nestjs/common';
import { SqlDatabase } from '@linli/platform';

/** What anyone may know of a community without logging in: its name, its zone and its estates' names. */
export interface PublicCommunity {
  slug: string;
  name: string;
  timeZone: string;
}

export interface PublicEstate {
  id: string;
  name: string;
}

/** More communities than this on one installation is a district; the list is for a resident's first page. */
export const MAX_PUBLIC_COMMUNITIES = 200;
/** An estate list longer than this is not a community's. */
export const MAX_PUBLIC_ESTATES = 500;

/** Reads for the public (no login) pages: names only, never people, addresses or notes. */
@Injectable()
export class PublicDirectoryQueries {
  constructor(private readonly db: SqlDatabase) {}

  async communities(): Promise<PublicCommunity[]> {
    const rows = await this.db.query<{ slug: string; name: string; time_zone: string }>(
      `SELECT slug, name, time_zone FROM community ORDER BY name, slug LIMIT $1`,
      [MAX_PUBLIC_COMMUNITIES],
    );
    return rows.map((row) => ({ slug: row.slug, name: row.name, timeZone: row.time_zone }));
  }

  /** The community and its active estates by name; undefined for an unknown slug. */
  async estates(slug: string): Promise<{ community: PublicCommunity; estates: PublicEstate[] } | undefined> {
    const rows = await this.db.query<{
      slug: string;
      name: string;
      time_zone: string;
      estate_id: string | null;
      estate_name: string | null;
    }>(
      `SELECT c.slug, c.name, c.time_zone, e.id AS estate_id, e.name AS estate_name
         FROM community c
         LEFT JOIN LATERAL (
           SELECT id, name FROM estate
            WHERE community_id = c.id AND active
            ORDER BY name, id LIMIT $2
         ) e ON true
        WHERE c.slug = $1
        ORDER BY e.name, e.id`,
      [slug, MAX_PUBLIC_ESTATES],
    );
    if (!rows.length) return undefined;
    const [first] = rows;
    return {
      community: { slug: first.slug, name: first.name, timeZone: first.time_zone },
      estates: rows
        .filter((row) => row.estate_id !== null)
        .map((row) => ({ id: row.estate_id as string, name: row.estate_name as string })),
    };
  }
}
