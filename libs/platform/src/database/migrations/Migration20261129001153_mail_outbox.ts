import { Migration } from '@mikro-orm/migrations';

export class Migration20261129001153_mail_outbox extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "calendar_invite" ("community_id" uuid not null, "uid" text not null, "person_id" uuid not null, "sequence" int not null, "method" text check ("method" in ('REQUEST', 'CANCEL')) not null, "updated_at" timestamptz not null, constraint "calendar_invite_pkey" primary key ("community_id", "uid", "person_id"));`);

    this.addSql(`create table "event_cursor" ("consumer" text not null, "last_id" bigint not null default '0', "gaps" jsonb not null, "updated_at" timestamptz not null, constraint "event_cursor_pkey" primary key ("consumer"));`);

    this.addSql(`create table "mail_outbox" ("id" uuid not null, "community_id" uuid not null, "kind" text not null, "person_id" uuid null, "recipient_email" text not null, "language" text not null, "subject" text not null, "text_body" text not null, "html_body" text null, "ics" text null, "ics_method" text check ("ics_method" in ('REQUEST', 'CANCEL', 'PUBLISH')) null, "dedupe_key" text not null, "status" text check ("status" in ('pending', 'sending', 'sent', 'failed')) not null default 'pending', "attempts" int not null default 0, "available_at" timestamptz not null, "sent_at" timestamptz null, "last_error" text null, "created_at" timestamptz not null, constraint "mail_outbox_pkey" primary key ("id"));`);
    this.addSql(`create index "mail_outbox_status_available_at_index" on "mail_outbox" ("status", "available_at");`);
    this.addSql(`alter table "mail_outbox" add constraint "mail_outbox_community_id_dedupe_key_unique" unique ("community_id", "dedupe_key");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "calendar_invite" cascade;`);

    this.addSql(`drop table if exists "event_cursor" cascade;`);

    this.addSql(`drop table if exists "mail_outbox" cascade;`);
  }

}
