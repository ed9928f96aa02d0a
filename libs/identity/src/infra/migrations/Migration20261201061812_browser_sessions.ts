import { Migration } from '@mikro-orm/migrations';

/**
 * Browser sessions (issue 12; docs/decisions/0021-browser-sessions.md): a session family per sign-in
 * and its refresh tokens, stored as hashes; a token is found by its hash before any community is known.
 */
export class Migration20261201061812_browser_sessions extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "login_session" ("id" uuid not null, "community_id" uuid not null, "account_id" uuid not null, "token_version" int not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "ended_at" timestamptz null, "end_reason" text check ("end_reason" in ('logout', 'reused', 'expired', 'account')) null, constraint "login_session_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "login_session_account_id_index" on "login_session" ("account_id");`);

    this.addSql(
      `create table "refresh_token" ("id" uuid not null, "community_id" uuid not null, "session_id" uuid not null, "token_hash" text not null, "issued_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "refresh_token_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "refresh_token_session_id_index" on "refresh_token" ("session_id");`);
    this.addSql(
      `alter table "refresh_token" add constraint "refresh_token_token_hash_unique" unique ("token_hash");`,
    );

    this.addSql(
      `alter table "login_session" add constraint "login_session_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "login_session" add constraint "login_session_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "refresh_token" add constraint "refresh_token_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "refresh_token" add constraint "refresh_token_session_id_foreign" foreign key ("session_id") references "login_session" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "refresh_token" drop constraint "refresh_token_session_id_foreign";`);

    this.addSql(`drop table if exists "login_session" cascade;`);

    this.addSql(`drop table if exists "refresh_token" cascade;`);
  }
}
