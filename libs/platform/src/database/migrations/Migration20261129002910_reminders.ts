import { Migration } from '@mikro-orm/migrations';

export class Migration20261129002910_reminders extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "reminder_preference" ("id" uuid not null, "community_id" uuid not null, "person_id" uuid not null, "offsets_minutes" int[] not null default '{1440,120}', "quiet_start" text not null default '22:00', "quiet_end" text not null default '07:00', "unsubscribed_kinds" text[] not null default '{}', "updated_at" timestamptz not null, constraint "reminder_preference_pkey" primary key ("id"), constraint reminder_preference_offsets_bounded check (coalesce(array_length(offsets_minutes, 1), 0) <= 5), constraint reminder_preference_quiet_hhmm check (quiet_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]\$' and quiet_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]\$'));`);
    this.addSql(`alter table "reminder_preference" add constraint "reminder_preference_community_id_person_id_unique" unique ("community_id", "person_id");`);

    this.addSql(`create table "reminder_settings" ("community_id" uuid not null, "digest_time" text not null default '18:00', "digest_enabled" boolean not null default true, "updated_at" timestamptz not null, constraint "reminder_settings_pkey" primary key ("community_id"), constraint reminder_settings_digest_time_hhmm check (digest_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]\$'));`);

    this.addSql(`alter table "reminder_preference" add constraint "reminder_preference_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "reminder_preference" add constraint "reminder_preference_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "reminder_settings" add constraint "reminder_settings_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "mail_outbox" drop constraint if exists "mail_outbox_status_check";`);

    this.addSql(`alter table "mail_outbox" add column "lease_until" timestamptz null, add column "message_id" text null, add column "essential" boolean not null default true, add column "shift_id" uuid null;`);
    this.addSql(`alter table "mail_outbox" add constraint "mail_outbox_status_check" check("status" in ('pending', 'sending', 'sent', 'failed', 'cancelled'));`);
    this.addSql(`create index "mail_outbox_community_id_shift_id_index" on "mail_outbox" ("community_id", "shift_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "reminder_preference" cascade;`);

    this.addSql(`drop table if exists "reminder_settings" cascade;`);

    this.addSql(`alter table "mail_outbox" drop constraint if exists "mail_outbox_status_check";`);

    this.addSql(`drop index "mail_outbox_community_id_shift_id_index";`);
    this.addSql(`alter table "mail_outbox" drop column "lease_until", drop column "message_id", drop column "essential", drop column "shift_id";`);

    this.addSql(`alter table "mail_outbox" add constraint "mail_outbox_status_check" check("status" in ('pending', 'sending', 'sent', 'failed'));`);
  }

}
