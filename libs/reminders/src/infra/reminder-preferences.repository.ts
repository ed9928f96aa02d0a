import { Injectable } from '@nestjs/common';
import { SqlDatabase, type Sql } from '@linli/platform';
import { DEFAULT_PREFERENCES } from './reminder-directory';

/** A person's preferences as saved. */
export interface SavedPreferences {
  offsetsMinutes: number[];
  quietStart: string;
  quietEnd: string;
  unsubscribedKinds: string[];
}

/** Upserts of reminders' own settings that the ORM cannot say in one statement. */
@Injectable()
export class ReminderPreferencesRepository {
  constructor(private readonly db: SqlDatabase) {}

  /**
   * A person's preferences on the caller's transaction: given values replace, missing ones keep
   * (or take the defaults for a person who had no row). Answers the row as saved.
   */
  async savePreferences(
    sql: Sql,
    communityId: string,
    personId: string,
    input: Partial<SavedPreferences>,
  ): Promise<SavedPreferences> {
    const [row] = await sql<{
      offsets_minutes: number[];
      quiet_start: string;
      quiet_end: string;
      unsubscribed_kinds: string[];
    }>(
      `INSERT INTO reminder_preference
              (id, community_id, person_id, offsets_minutes, quiet_start, quiet_end, unsubscribed_kinds, updated_at)
       VALUES (gen_random_uuid(), $1, $2, COALESCE($3::int[], $7::int[]), COALESCE($4::text, $8::text),
               COALESCE($5::text, $9::text), COALESCE($6::text[], '{}'), now())
       ON CONFLICT (community_id, person_id) DO UPDATE
          SET offsets_minutes = COALESCE($3::int[], reminder_preference.offsets_minutes),
              quiet_start = COALESCE($4::text, reminder_preference.quiet_start),
              quiet_end = COALESCE($5::text, reminder_preference.quiet_end),
              unsubscribed_kinds = COALESCE($6::text[], reminder_preference.unsubscribed_kinds),
              updated_at = now()
       RETURNING offsets_minutes, quiet_start, quiet_end, unsubscribed_kinds`,
      [
        communityId,
        personId,
        input.offsetsMinutes ?? null,
        input.quietStart ?? null,
        input.quietEnd ?? null,
        input.unsubscribedKinds ?? null,
        DEFAULT_PREFERENCES.offsetsMinutes,
        DEFAULT_PREFERENCES.quietStart,
        DEFAULT_PREFERENCES.quietEnd,
      ],
    );
    return {
      offsetsMinutes: row.offsets_minutes.map(Number),
      quietStart: row.quiet_start,
      quietEnd: row.quiet_end,
      unsubscribedKinds: row.unsubscribed_kinds,
    };
  }

  /** The community's digest settings: given values replace, missing ones keep (or default). */
  async saveSettings(
    communityId: string,
    input: { digestTime?: string; digestEnabled?: boolean },
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO reminder_settings (community_id, digest_time, digest_enabled, updated_at)
       VALUES ($1, COALESCE($2::text, '18:00'), COALESCE($3::boolean, true), now())
       ON CONFLICT (community_id) DO UPDATE
          SET digest_time = COALESCE($2::text, reminder_settings.digest_time),
              digest_enabled = COALESCE($3::boolean, reminder_settings.digest_enabled),
              updated_at = now()`,
      [communityId, input.digestTime ?? null, input.digestEnabled ?? null],
    );
  }

  /**
   * Adds `kind` to the person's unsubscribed kinds (idempotent), making their preferences row if
   * they have none. Nothing happens for an id that names no person of the community (identity's
   * published view says which do).
   */
  async unsubscribe(
    communityId: string,
    personId: string,
    kind: string,
    sql: Sql = this.db.query,
  ): Promise<void> {
    await sql(
      `INSERT INTO reminder_preference (id, community_id, person_id, unsubscribed_kinds, updated_at)
       SELECT gen_random_uuid(), p.community_id, p.id, ARRAY[$1::text], now()
         FROM identity_person_v1 p WHERE p.community_id = $2 AND p.id = $3
       ON CONFLICT (community_id, person_id) DO UPDATE
          SET unsubscribed_kinds = (SELECT array_agg(DISTINCT k)
                                      FROM unnest(reminder_preference.unsubscribed_kinds || EXCLUDED.unsubscribed_kinds) k),
              updated_at = now()`,
      [kind, communityId, personId],
    );
  }
}
