import { Migration } from '@mikro-orm/migrations';

export class Migration20261128230554_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "community" ("id" uuid not null, "name" text not null, "slug" text not null, "time_zone" text not null default 'Asia/Shanghai', "locale" text not null default 'zh-CN', "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "community_pkey" primary key ("id"));`);
    this.addSql(`alter table "community" add constraint "community_slug_unique" unique ("slug");`);

    this.addSql(`create table "estate" ("id" uuid not null, "community_id" uuid not null, "name" text not null, "address" text null, "latitude" double precision null, "longitude" double precision null, "households" int null, "notes" text null, "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "estate_pkey" primary key ("id"), constraint estate_coordinates_valid check (abs(latitude) <= 90::double precision and abs(longitude) <= 180::double precision), constraint estate_households_not_negative check (households >= 0));`);
    this.addSql(`alter table "estate" add constraint "estate_community_id_name_unique" unique ("community_id", "name");`);

    this.addSql(`create table "partner_organisation" ("id" uuid not null, "community_id" uuid not null, "name" text not null, "kind" text check ("kind" in ('community', 'social_organisation', 'professional_social_workers', 'community_based_organisation', 'stationed_unit', 'social_enterprise')) not null, "contact_name" text null, "contact_phone" text null, "contact_email" text null, "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "partner_organisation_pkey" primary key ("id"));`);
    this.addSql(`alter table "partner_organisation" add constraint "partner_organisation_community_id_name_unique" unique ("community_id", "name");`);

    this.addSql(`create table "person" ("id" uuid not null, "community_id" uuid not null, "name" text not null, "phone" text null, "email" text null, "birth_year" smallint null, "home_estate_id" uuid null, "skills" text[] not null, "qualifications" text[] not null, "languages" text[] not null, "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "person_pkey" primary key ("id"));`);
    this.addSql(`create index "person_community_id_name_index" on "person" ("community_id", "name");`);

    this.addSql(`create table "membership" ("id" uuid not null, "community_id" uuid not null, "person_id" uuid not null, "organisation_id" uuid not null, "role" text check ("role" in ('member', 'coordinator')) not null default 'member', "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "membership_pkey" primary key ("id"));`);
    this.addSql(`create index "membership_person_id_index" on "membership" ("person_id");`);
    this.addSql(`alter table "membership" add constraint "membership_community_id_organisation_id_person_id_unique" unique ("community_id", "organisation_id", "person_id");`);

    this.addSql(`create table "account" ("id" uuid not null, "community_id" uuid not null, "email" text null, "phone" text null, "password_hash" text not null, "role" text check ("role" in ('organiser', 'coordinator', 'volunteer')) not null, "person_id" uuid null, "organisation_id" uuid null, "active" boolean not null default true, "last_login_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "account_pkey" primary key ("id"), constraint account_person_unless_organiser check (role = 'organiser' or person_id is not null), constraint account_coordinator_has_organisation check ((role = 'coordinator') = (organisation_id is not null)), constraint account_login_present check (email is not null or phone is not null));`);
    this.addSql(`alter table "account" add constraint "account_email_unique" unique ("email");`);
    this.addSql(`alter table "account" add constraint "account_phone_unique" unique ("phone");`);
    this.addSql(`create index "account_person_id_index" on "account" ("person_id");`);

    this.addSql(`create table "throttle_bucket" ("key" text not null, "hits" int not null, "expires_at" timestamptz not null, "blocked_until" timestamptz null, constraint "throttle_bucket_pkey" primary key ("key"));`);
    this.addSql(`create index "throttle_bucket_expires_at_index" on "throttle_bucket" ("expires_at");`);

    this.addSql(`alter table "estate" add constraint "estate_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "partner_organisation" add constraint "partner_organisation_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "person" add constraint "person_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "person" add constraint "person_home_estate_id_foreign" foreign key ("home_estate_id") references "estate" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "membership" add constraint "membership_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "membership" add constraint "membership_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "membership" add constraint "membership_organisation_id_foreign" foreign key ("organisation_id") references "partner_organisation" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "account" add constraint "account_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "account" add constraint "account_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "account" add constraint "account_organisation_id_foreign" foreign key ("organisation_id") references "partner_organisation" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "estate" drop constraint "estate_community_id_foreign";`);

    this.addSql(`alter table "partner_organisation" drop constraint "partner_organisation_community_id_foreign";`);

    this.addSql(`alter table "person" drop constraint "person_community_id_foreign";`);

    this.addSql(`alter table "membership" drop constraint "membership_community_id_foreign";`);

    this.addSql(`alter table "account" drop constraint "account_community_id_foreign";`);

    this.addSql(`alter table "person" drop constraint "person_home_estate_id_foreign";`);

    this.addSql(`alter table "membership" drop constraint "membership_organisation_id_foreign";`);

    this.addSql(`alter table "account" drop constraint "account_organisation_id_foreign";`);

    this.addSql(`alter table "membership" drop constraint "membership_person_id_foreign";`);

    this.addSql(`alter table "account" drop constraint "account_person_id_foreign";`);

    this.addSql(`drop table if exists "community" cascade;`);

    this.addSql(`drop table if exists "estate" cascade;`);

    this.addSql(`drop table if exists "partner_organisation" cascade;`);

    this.addSql(`drop table if exists "person" cascade;`);

    this.addSql(`drop table if exists "membership" cascade;`);

    this.addSql(`drop table if exists "account" cascade;`);

    this.addSql(`drop table if exists "throttle_bucket" cascade;`);
  }

}
