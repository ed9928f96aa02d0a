import { Migration } from '@mikro-orm/migrations';

/**
 * Revocation at once (issue 10): each account's token version, which access tokens carry and each
 * request checks. `identity_account_v1` gains `may_act` (appended, so v1's columns keep their
 * meaning): the account is active and so is its person, when it has one; the rule login and the
 * session check apply, published so that calendar's feeds end with their owner.
 */
export class Migration20261201040000_identity_session_version extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "account" add column "token_version" int not null default 0;`);
    this.addSql(`create or replace view "identity_account_v1" as
      select a.id, a.community_id, a.email, a.phone, a.role, a.person_id, a.organisation_id, a.active,
             a.active and coalesce((select p.active from person p where p.id = a.person_id), true) as may_act
        from account a;`);
  }

  override async down(): Promise<void> {
    // A view cannot lose a column in place: drop and recreate v1 as it was.
    this.addSql(`drop view if exists "identity_account_v1";`);
    this.addSql(`create view "identity_account_v1" as
      select id, community_id, email, phone, role, person_id, organisation_id, active from account;`);
    this.addSql(`alter table "account" drop column "token_version";`);
  }
}
