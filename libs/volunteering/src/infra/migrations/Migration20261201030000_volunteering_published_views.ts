import { Migration } from '@mikro-orm/migrations';

/**
 * volunteering's published read contract for SQL of other contexts that must join in one statement
 * (reminders' digests and notices, calendar's feeds; docs/decisions/0013-context-contracts.md).
 * Other contexts name these views, never shift, claim or organisation_reservation. A view's
 * columns never change meaning or disappear: a new column is appended at the end of its select
 * list; a changed meaning gets a new version (`_v2`) beside the old one.
 */
export class Migration20261201030000_volunteering_published_views extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create view "volunteering_shift_v1" as
      select id, community_id, title, description, location_text, estate_id, starts_at, ends_at,
             time_zone, status, capacity, confirmed_count, held_count, version, origin_context, updated_at
        from shift;`);
    this.addSql(`create view "volunteering_claim_v1" as
      select id, community_id, shift_id, person_id, status, source, reservation_id, starts_at, ends_at,
             created_at, updated_at
        from claim;`);
    this.addSql(`create view "volunteering_reservation_v1" as
      select id, community_id, shift_id, organisation_id, places, assigned_count, status, release_at,
             created_at, updated_at
        from organisation_reservation;`);
  }

  override async down(): Promise<void> {
    for (const view of ['volunteering_reservation_v1', 'volunteering_claim_v1', 'volunteering_shift_v1']) {
      this.addSql(`drop view if exists "${view}";`);
    }
  }
}
