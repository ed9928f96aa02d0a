import type { Sql } from '@linli/platform';

export interface Recipient {
  personId: string;
  communityId: string;
  name: string;
  languages: string[];
  email: string;
  timeZone: string;
  offsetsMinutes: number[];
  quietStart: string;
  quietEnd: string;
  unsubscribedKinds: string[];
}

export const DEFAULT_PREFERENCES = {
  offsetsMinutes: [1440, 120],
  quietStart: '22:00',
  quietEnd: '07:00',
  unsubscribedKinds: [] as string[],
};

/**
 * What the reminder projector reads of identity and volunteering, read-only, on the consumer's
 * transaction: people's addresses, languages and zones joined with their preferences in one
 * statement, and who is confirmed on a shift. Through the owners' published views
 * (identity_person_v1, identity_community_v1, volunteering_claim_v1), never their tables.
 */
export class ReminderDirectory {
  constructor(private readonly sql: Sql) {}

  /** People with an address (their own, else their account's login), with preferences or defaults. */
  async recipients(communityId: string, personIds: string[]): Promise<Map<string, Recipient>> {
    if (!personIds.length) return new Map();
    const rows = await this.sql<{
      id: string;
      name: string;
      languages: string[];
      email: string | null;
      time_zone: string;
      offsets_minutes: number[] | null;
      quiet_start: string | null;
      quiet_end: string | null;
      unsubscribed_kinds: string[] | null;
    }>(
      `SELECT p.id, p.name, p.languages, c.time_zone, p.mail_address AS email,
              rp.offsets_minutes, rp.quiet_start, rp.quiet_end, rp.unsubscribed_kinds
         FROM identity_person_v1 p
         JOIN identity_community_v1 c ON c.id = p.community_id
         LEFT JOIN reminder_preference rp ON rp.community_id = p.community_id AND rp.person_id = p.id
        WHERE p.community_id = $1 AND p.id = ANY($2::uuid[]) AND p.active`,
      [communityId, [...new Set(personIds)]],
    );
    const result = new Map<string, Recipient>();
    for (const row of rows) {
      if (!row.email) continue;
      result.set(row.id, {
        personId: row.id,
        communityId,
        name: row.name,
        languages: row.languages ?? [],
        email: row.email,
        timeZone: row.time_zone,
        offsetsMinutes: (row.offsets_minutes ?? DEFAULT_PREFERENCES.offsetsMinutes).map(Number),
        quietStart: row.quiet_start ?? DEFAULT_PREFERENCES.quietStart,
        quietEnd: row.quiet_end ?? DEFAULT_PREFERENCES.quietEnd,
        unsubscribedKinds: row.unsubscribed_kinds ?? [],
      });
    }
    return result;
  }

  /** The active coordinators of a partner organisation (who hear about its blocks of places). */
  async coordinatorsOf(communityId: string, organisationId: string): Promise<string[]> {
    const rows = await this.sql<{ person_id: string }>(
      `SELECT person_id FROM identity_membership_v1
        WHERE community_id = $1 AND organisation_id = $2 AND role = 'coordinator' AND active`,
      [communityId, organisationId],
    );
    return rows.map((row) => row.person_id);
  }

  /** The people confirmed on a shift now. */
  async confirmedOn(communityId: string, shiftId: string): Promise<string[]> {
    const rows = await this.sql<{ person_id: string }>(
      `SELECT person_id FROM volunteering_claim_v1
        WHERE community_id = $1 AND shift_id = $2 AND status = 'confirmed'`,
      [communityId, shiftId],
    );
    return rows.map((row) => row.person_id);
  }

  /**
   * The open shifts a person is confirmed on that start after `now`, soonest first (at most
   * `limit`): what their reminders are about when they change their preferences.
   */
  async upcomingConfirmed(
    communityId: string,
    personId: string,
    now: Date,
    limit: number,
  ): Promise<UpcomingShift[]> {
    return this.sql<UpcomingShift>(
      `SELECT s.id AS "shiftId", s.version, s.title, s.starts_at AS "startsAt", s.ends_at AS "endsAt",
              s.location_text AS "locationText"
         FROM volunteering_claim_v1 c
         JOIN volunteering_shift_v1 s ON s.id = c.shift_id AND s.community_id = c.community_id
        WHERE c.community_id = $1 AND c.person_id = $2 AND c.status = 'confirmed'
          AND s.status = 'open' AND s.starts_at > $3
        ORDER BY s.starts_at, s.id
        LIMIT $4`,
      [communityId, personId, now, limit],
    );
  }
}

/** A shift someone is confirmed on, as their reminders describe it. */
export interface UpcomingShift {
  shiftId: string;
  version: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  locationText: string | null;
}
