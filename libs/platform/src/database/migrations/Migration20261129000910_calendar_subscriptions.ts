import { Migration } from '@mikro-orm/migrations';

export class Migration20261129000910_calendar_subscriptions extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "calendar_subscription" ("id" uuid not null, "community_id" uuid not null, "scope_kind" text check ("scope_kind" in ('person', 'organisation', 'estate', 'venue', 'community')) not null, "scope_id" uuid null, "owner_account_id" uuid not null, "token_hash" text not null, "label" text null, "created_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, "rotated_from_id" uuid null, "content_etag" text null, "content_changed_at" timestamptz null, constraint "calendar_subscription_pkey" primary key ("id"), constraint calendar_subscription_label_length check (char_length(label) <= 100), constraint calendar_subscription_token_hash_hex check (token_hash ~ '^[0-9a-f]{64}$'), constraint calendar_subscription_scope_id_present check ((scope_kind = 'community') = (scope_id is null)));`);
    this.addSql(`alter table "calendar_subscription" add constraint "calendar_subscription_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "calendar_subscription_owner_listing" on "calendar_subscription" ("community_id", "owner_account_id", "created_at");`);
    this.addSql(`alter table "calendar_subscription" add constraint "calendar_subscription_rotated_from_id_unique" unique ("rotated_from_id");`);

    this.addSql(`alter table "calendar_subscription" add constraint "calendar_subscription_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "calendar_subscription" add constraint "calendar_subscription_owner_account_id_foreign" foreign key ("owner_account_id") references "account" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "calendar_subscription" add constraint "calendar_subscription_rotated_from_id_foreign" foreign key ("rotated_from_id") references "calendar_subscription" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "calendar_subscription" drop constraint "calendar_subscription_rotated_from_id_foreign";`);

    this.addSql(`drop table if exists "calendar_subscription" cascade;`);
  }

}
