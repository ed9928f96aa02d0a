import { Migration } from '@mikro-orm/migrations';

export class Migration20261201035624_standing_commitments extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "standing_commitment" ("id" uuid not null, "community_id" uuid not null, "series_id" uuid not null, "person_id" uuid null, "organisation_id" uuid null, "places" int not null default 1, "from_at" timestamptz not null, "created_by" uuid not null, "created_by_role" text not null, "ended_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "standing_commitment_pkey" primary key ("id"), constraint standing_commitment_places check (places >= 1 and places <= 10000), constraint standing_commitment_person_or_organisation check ((person_id is null) <> (organisation_id is null)));`,
    );
    this.addSql(
      `create index "standing_commitment_community_id_series_id_ended_at_index" on "standing_commitment" ("community_id", "series_id", "ended_at");`,
    );
    this.addSql(
      `create unique index "standing_commitment_one_active_organisation" on "standing_commitment" ("community_id", "series_id", "organisation_id") where ended_at is null and organisation_id is not null;`,
    );
    this.addSql(
      `create unique index "standing_commitment_one_active_person" on "standing_commitment" ("community_id", "series_id", "person_id") where ended_at is null and person_id is not null;`,
    );

    this.addSql(
      `create table "standing_commitment_outcome" ("commitment_id" uuid not null, "shift_id" uuid not null, "community_id" uuid not null, "outcome" text check ("outcome" in ('confirmed', 'waitlisted', 'reserved', 'refused')) not null, "code" text null, "detail" text null, "claim_id" uuid null, "reservation_id" uuid null, "created_at" timestamptz not null, constraint "standing_commitment_outcome_pkey" primary key ("commitment_id", "shift_id"));`,
    );
    this.addSql(
      `create index "standing_commitment_outcome_shift_id_index" on "standing_commitment_outcome" ("shift_id");`,
    );

    this.addSql(
      `alter table "standing_commitment" add constraint "standing_commitment_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "standing_commitment" add constraint "standing_commitment_series_id_foreign" foreign key ("series_id") references "shift_series" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "standing_commitment" add constraint "standing_commitment_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "standing_commitment" add constraint "standing_commitment_organisation_id_foreign" foreign key ("organisation_id") references "partner_organisation" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "standing_commitment_outcome" add constraint "standing_commitment_outcome_commitment_id_foreign" foreign key ("commitment_id") references "standing_commitment" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "standing_commitment_outcome" add constraint "standing_commitment_outcome_shift_id_foreign" foreign key ("shift_id") references "shift" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "standing_commitment_outcome" add constraint "standing_commitment_outcome_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "standing_commitment_outcome" drop constraint "standing_commitment_outcome_commitment_id_foreign";`,
    );

    this.addSql(`drop table if exists "standing_commitment" cascade;`);

    this.addSql(`drop table if exists "standing_commitment_outcome" cascade;`);
  }
}
