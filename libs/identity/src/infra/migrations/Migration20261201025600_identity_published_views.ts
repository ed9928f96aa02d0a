import { Migration } from '@mikro-orm/migrations';

/**
 * identity's published read contract for SQL that must join across contexts in one statement
 * (docs/decisions/0013-context-contracts.md). Other contexts name these views, never identity's
 * tables. A view's columns never change meaning or disappear: a new need gets a new version
 * (`_v2`) beside the old one, and the old one goes only when nobody reads it.
 */
export class Migration20261201025600_identity_published_views extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create view "identity_community_v1" as
      select id, name, slug, time_zone, locale, updated_at from community;`);
    this.addSql(`create view "identity_estate_v1" as
      select id, community_id, name, address, active, updated_at from estate;`);
    this.addSql(`create view "identity_partner_organisation_v1" as
      select id, community_id, name, kind, active, updated_at from partner_organisation;`);
    // mail_address: where identity says a person is mailed: their own address, else their account's login.
    this.addSql(`create view "identity_person_v1" as
      select p.id, p.community_id, p.name, p.phone, p.email, p.birth_year, p.home_estate_id,
             p.skills, p.qualifications, p.languages, p.active, p.updated_at,
             coalesce(nullif(p.email, ''),
                      (select a.email from account a
                        where a.person_id = p.id and a.active and nullif(a.email, '') is not null
                        order by a.created_at limit 1)) as mail_address
        from person p;`);
    this.addSql(`create view "identity_membership_v1" as
      select id, community_id, person_id, organisation_id, role, active from membership;`);
    // Accounts without their secrets: who is an organiser or a coordinator, and their login address.
    this.addSql(`create view "identity_account_v1" as
      select id, community_id, email, phone, role, person_id, organisation_id, active from account;`);
  }

  override async down(): Promise<void> {
    for (const view of [
      'identity_account_v1',
      'identity_membership_v1',
      'identity_person_v1',
      'identity_partner_organisation_v1',
      'identity_estate_v1',
      'identity_community_v1',
    ]) {
      this.addSql(`drop view if exists "${view}";`);
    }
  }
}
