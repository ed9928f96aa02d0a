import { Migration } from '@mikro-orm/migrations';

/**
 * reminders' published read contract (docs/decisions/0013-context-contracts.md): a person's
 * reminder preferences, for calendar's feed query, which joins them in its one statement to give
 * a feed its subscriber's alarms (issue 10). No row: the person kept the defaults. A view's
 * columns never change meaning or disappear; a new need gets a new version beside this one.
 */
export class Migration20261201041500_reminders_published_views extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create view "reminders_preference_v1" as
      select community_id, person_id, offsets_minutes, quiet_start, quiet_end, unsubscribed_kinds, updated_at
        from reminder_preference;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop view if exists "reminders_preference_v1";`);
  }
}
