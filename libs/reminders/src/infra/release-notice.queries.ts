import type { Sql } from '@linli/platform';

/** One coordinator account to tell about one reservation's places released soon. */
export interface DueReleaseNotice {
  reservationId: string;
  communityId: string;
  shiftId: string;
  shiftTitle: string;
  startsAt: Date;
  releaseAt: Date;
  unassigned: number;
  organisation: string;
  timeZone: string;
  accountId: string;
  email: string;
  languages: string[] | null;
}

/**
 * Active reservations with unassigned places released in (now, until], for each active
 * coordinator account of the organisation with an address, not yet noticed (no mail_outbox row
 * under the notice's dedupe key). One statement across communities, at most 1,000 rows;
 * volunteering's and identity's data through their published views.
 */
export async function dueReleaseNotices(sql: Sql, now: Date, until: Date): Promise<DueReleaseNotice[]> {
  const rows = await sql<{
    reservation_id: string;
    community_id: string;
    shift_id: string;
    title: string;
    starts_at: Date;
    release_at: Date;
    unassigned: number;
    organisation: string;
    time_zone: string;
    account_id: string;
    email: string;
    languages: string[] | null;
  }>(
    `SELECT r.id AS reservation_id, r.community_id, s.id AS shift_id, s.title, s.starts_at, r.release_at,
            r.places - r.assigned_count AS unassigned, o.name AS organisation, c.time_zone,
            a.id AS account_id, a.email, p.languages
       FROM volunteering_reservation_v1 r
       JOIN volunteering_shift_v1 s ON s.id = r.shift_id
       JOIN identity_partner_organisation_v1 o ON o.id = r.organisation_id
       JOIN identity_community_v1 c ON c.id = r.community_id
       JOIN identity_account_v1 a ON a.organisation_id = r.organisation_id AND a.role = 'coordinator'
                                 AND a.active AND a.email IS NOT NULL
       LEFT JOIN identity_person_v1 p ON p.id = a.person_id
      WHERE r.status = 'active' AND r.places > r.assigned_count AND s.status <> 'cancelled'
        AND r.release_at > $1 AND r.release_at <= $2
        AND NOT EXISTS (SELECT 1 FROM mail_outbox m
                         WHERE m.community_id = r.community_id
                           AND m.dedupe_key = 'reservation_release:' || r.id || ':' || a.id)
      ORDER BY r.release_at
      LIMIT 1000`,
    [now, until],
  );
  return rows.map((row) => ({
    reservationId: row.reservation_id,
    communityId: row.community_id,
    shiftId: row.shift_id,
    shiftTitle: row.title,
    startsAt: row.starts_at,
    releaseAt: row.release_at,
    unassigned: row.unassigned,
    organisation: row.organisation,
    timeZone: row.time_zone,
    accountId: row.account_id,
    email: row.email,
    languages: row.languages,
  }));
}
