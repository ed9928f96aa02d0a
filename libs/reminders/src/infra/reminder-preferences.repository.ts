import { Injectable } from '@nestjs/common';
import { SqlDatabase } from '@linli/platform';

/** Upserts of reminders' own settings that the ORM cannot say in one statement. */
@Injectable()
export class ReminderPreferencesRepository {
  constructor(private readonly db: SqlDatabase) {}

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
  async unsubscribe(communityId: string, personId: string, kind: string): Promise<void> {
    await this.db.query(
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
