import { Migration } from '@mikro-orm/migrations';

export class Migration20261128231842_holidays extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "holiday_override" ("id" uuid not null, "community_id" uuid not null, "date" date not null, "kind" text check ("kind" in ('off', 'workday', 'normal')) not null, "name" text not null, "note" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "holiday_override_pkey" primary key ("id"), constraint holiday_override_date_in_range check (date >= '2000-01-01' and date <= '2100-12-31'), constraint holiday_override_name_present check (btrim(name) <> ''));`);
    this.addSql(`alter table "holiday_override" add constraint "holiday_override_community_id_date_unique" unique ("community_id", "date");`);

    this.addSql(`create table "holiday_year" ("id" uuid not null, "community_id" uuid not null, "year" smallint not null, "source" text check ("source" in ('import')) not null default 'import', "imported_at" timestamptz not null, constraint "holiday_year_pkey" primary key ("id"), constraint holiday_year_in_range check (year >= 2000 and year <= 2100));`);
    this.addSql(`alter table "holiday_year" add constraint "holiday_year_community_id_year_unique" unique ("community_id", "year");`);

    this.addSql(`alter table "holiday_override" add constraint "holiday_override_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "holiday_year" add constraint "holiday_year_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "holiday_override" cascade;`);

    this.addSql(`drop table if exists "holiday_year" cascade;`);
  }

}
