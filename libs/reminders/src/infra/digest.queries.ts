import type { Sql } from '@linli/platform';

/** A community whose digest is enabled, with its wall-clock facts. */
export interface DigestCommunity {
  id: string;
  name: string;
  timeZone: string;
  /** 'HH:mm' in the community's zone. */
  digestTime: string;
}

export interface DigestShiftRow {
  id: string;
  title: string;
  startsAt: Date;
  capacity: number;
  confirmed: number;
  waitlisted: number;
}

export interface UnassignedReservationRow {
  shiftTitle: string;
  startsAt: Date;
  organisation: string;
  unassigned: number;
}

export interface DigestOrganiser {
  accountId: string;
  email: string;
  languages: string[] | null;
}

/**
 * The organisers' digest reads, on the digest tick's transaction: communities with their digest
 * settings, tomorrow's shifts and unassigned reserved places, and the organisers to mail. Other
 * contexts' data through their published views only.
 */
export class DigestQueries {
  constructor(private readonly sql: Sql) {}

  async communitiesWithDigest(): Promise<DigestCommunity[]> {
    const rows = await this.sql<{ id: string; name: string; time_zone: string; digest_time: string }>(
      `SELECT c.id, c.name, c.time_zone, COALESCE(s.digest_time, '18:00') AS digest_time
         FROM identity_community_v1 c LEFT JOIN reminder_settings s ON s.community_id = c.id
        WHERE COALESCE(s.digest_enabled, true)`,
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      timeZone: row.time_zone,
      digestTime: row.digest_time,
    }));
  }

  /** Whether the community's digest of the local `date` was queued (by any worker). */
  async queued(communityId: string, kind: string, date: string): Promise<boolean> {
    const rows = await this.sql(
      `SELECT 1 FROM mail_outbox WHERE community_id = $1 AND kind = $2 AND dedupe_key LIKE $3 LIMIT 1`,
      [communityId, kind, `digest:${date}:%`],
    );
    return rows.length > 0;
  }

  /** Shifts not cancelled starting in [from, to), with their waitlists; at most 500. */
  async shifts(communityId: string, from: Date, to: Date): Promise<DigestShiftRow[]> {
    const rows = await this.sql<{
      id: string;
      title: string;
      starts_at: Date;
      capacity: number;
      confirmed_count: number;
      waitlisted: string;
    }>(
      `SELECT s.id, s.title, s.starts_at, s.capacity, s.confirmed_count,
              (SELECT count(*) FROM volunteering_claim_v1 c
                WHERE c.shift_id = s.id AND c.status = 'waitlisted') AS waitlisted
         FROM volunteering_shift_v1 s
        WHERE s.community_id = $1 AND s.status <> 'cancelled' AND s.starts_at >= $2 AND s.starts_at < $3
        ORDER BY s.starts_at, s.title
        LIMIT 500`,
      [communityId, from, to],
    );
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      startsAt: row.starts_at,
      capacity: row.capacity,
      confirmed: row.confirmed_count,
      waitlisted: Number(row.waitlisted),
    }));
  }

  /** Active reservations on shifts in [from, to) with places not yet assigned; at most 500. */
  async unassignedReservations(
    communityId: string,
    from: Date,
    to: Date,
  ): Promise<UnassignedReservationRow[]> {
    const rows = await this.sql<{ title: string; starts_at: Date; organisation: string; unassigned: number }>(
      `SELECT s.title, s.starts_at, o.name AS organisation, r.places - r.assigned_count AS unassigned
         FROM volunteering_reservation_v1 r
         JOIN volunteering_shift_v1 s ON s.id = r.shift_id
         JOIN identity_partner_organisation_v1 o ON o.id = r.organisation_id
        WHERE r.community_id = $1 AND r.status = 'active' AND r.places > r.assigned_count
          AND s.status <> 'cancelled' AND s.starts_at >= $2 AND s.starts_at < $3
        ORDER BY s.starts_at, o.name
        LIMIT 500`,
      [communityId, from, to],
    );
    return rows.map((row) => ({
      shiftTitle: row.title,
      startsAt: row.starts_at,
      organisation: row.organisation,
      unassigned: row.unassigned,
    }));
  }

  /** Active organiser accounts with a login address, and their person's languages if any. */
  async organisers(communityId: string): Promise<DigestOrganiser[]> {
    const rows = await this.sql<{ id: string; email: string; languages: string[] | null }>(
      `SELECT a.id, a.email, p.languages
         FROM identity_account_v1 a LEFT JOIN identity_person_v1 p ON p.id = a.person_id
        WHERE a.community_id = $1 AND a.role = 'organiser' AND a.active AND a.email IS NOT NULL`,
      [communityId],
    );
    return rows.map((row) => ({ accountId: row.id, email: row.email, languages: row.languages }));
  }
}
