import { Migration } from '@mikro-orm/migrations';

export class Migration20261128232827_volunteering extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "idempotency_record" ("account_id" uuid not null, "key" text not null, "community_id" uuid not null, "request_hash" text not null, "response_status" int null, "response_body" jsonb null, "created_at" timestamptz not null, constraint "idempotency_record_pkey" primary key ("account_id", "key"));`);
    this.addSql(`create index "idempotency_record_created_at_index" on "idempotency_record" ("created_at");`);

    this.addSql(`create table "outbox_event" ("id" bigserial primary key, "community_id" uuid not null, "type" text not null, "aggregate_id" uuid not null, "version" int not null, "payload" jsonb not null, "occurred_at" timestamptz not null);`);
    this.addSql(`create index "outbox_event_aggregate_id_index" on "outbox_event" ("aggregate_id");`);
    this.addSql(`create index "outbox_event_community_id_id_index" on "outbox_event" ("community_id", "id");`);

    this.addSql(`create table "shift_series" ("id" uuid not null, "community_id" uuid not null, "title" text not null, "description" text null, "location_text" text null, "estate_id" uuid null, "origin_context" text null, "origin_id" text null, "rrule" text not null, "dtstart" text not null, "time_zone" text not null, "holiday_policy" text not null default 'skip_holidays', "duration_minutes" int not null, "exdates" text[] not null, "capacity" int not null, "required_qualifications" text[] not null, "min_age" smallint null, "reserved_for_kinds" text[] not null, "signup_opens_days" int null, "cancel_cutoff_minutes" int null, "release_lead_minutes" int null, "materialised_until" timestamptz null, "ended_at" timestamptz null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "shift_series_pkey" primary key ("id"), constraint shift_series_duration_positive check (duration_minutes >= 1 and duration_minutes <= 1440), constraint shift_series_capacity_positive check (capacity >= 1 and capacity <= 10000));`);

    this.addSql(`create table "shift" ("id" uuid not null, "community_id" uuid not null, "title" text not null, "description" text null, "location_text" text null, "estate_id" uuid null, "origin_context" text null, "origin_id" text null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "time_zone" text not null, "capacity" int not null, "confirmed_count" int not null default 0, "held_count" int not null default 0, "required_qualifications" text[] not null, "min_age" smallint null, "reserved_for_kinds" text[] not null, "status" text check ("status" in ('open', 'cancelled')) not null default 'open', "cancel_reason" text null, "version" int not null default 1, "series_id" uuid null, "series_occurrence" timestamptz null, "edited_by_hand" boolean not null default false, "signup_opens_days" int null, "cancel_cutoff_minutes" int null, "release_lead_minutes" int null, "checkin_code" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "shift_pkey" primary key ("id"), constraint shift_counts_within_capacity check (confirmed_count >= 0 and held_count >= 0 and confirmed_count + held_count <= capacity), constraint shift_capacity_positive check (capacity >= 1 and capacity <= 10000), constraint shift_ends_after_start check (ends_at > starts_at));`);
    this.addSql(`create index "shift_community_id_origin_context_origin_id_index" on "shift" ("community_id", "origin_context", "origin_id");`);
    this.addSql(`create index "shift_community_id_starts_at_index" on "shift" ("community_id", "starts_at");`);
    this.addSql(`alter table "shift" add constraint "shift_series_id_series_occurrence_unique" unique ("series_id", "series_occurrence");`);

    this.addSql(`create table "organisation_reservation" ("id" uuid not null, "community_id" uuid not null, "shift_id" uuid not null, "organisation_id" uuid not null, "places" int not null, "assigned_count" int not null default 0, "status" text check ("status" in ('active', 'released', 'cancelled')) not null default 'active', "release_at" timestamptz not null, "created_by" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "organisation_reservation_pkey" primary key ("id"), constraint reservation_assigned_within_places check (places >= 1 and assigned_count >= 0 and assigned_count <= places));`);
    this.addSql(`create index "organisation_reservation_shift_id_index" on "organisation_reservation" ("shift_id");`);
    this.addSql(`create index "organisation_reservation_release_at_index" on "organisation_reservation" ("release_at");`);

    this.addSql(`create table "claim" ("id" uuid not null, "community_id" uuid not null, "shift_id" uuid not null, "person_id" uuid not null, "status" text check ("status" in ('confirmed', 'waitlisted', 'cancelled', 'no_show', 'completed')) not null, "source" text check ("source" in ('self', 'organisation', 'organiser')) not null, "reservation_id" uuid null, "created_by" uuid not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "checked_in_at" timestamptz null, "checked_out_at" timestamptz null, "credited_minutes" int null, "cancelled_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "claim_pkey" primary key ("id"));`);
    this.addSql(`create index "claim_community_id_person_id_starts_at_index" on "claim" ("community_id", "person_id", "starts_at");`);
    this.addSql(`create index "claim_shift_id_status_created_at_index" on "claim" ("shift_id", "status", "created_at");`);

    this.addSql(`create table "hours_adjustment" ("id" uuid not null, "community_id" uuid not null, "person_id" uuid not null, "claim_id" uuid null, "minutes" int not null, "occurred_at" timestamptz not null, "reason" text not null, "created_by" uuid not null, "created_at" timestamptz not null, constraint "hours_adjustment_pkey" primary key ("id"), constraint hours_adjustment_bounded check (minutes <> 0 and abs(minutes) <= 1440));`);
    this.addSql(`create index "hours_adjustment_person_id_index" on "hours_adjustment" ("person_id");`);

    this.addSql(`create table "volunteering_settings" ("community_id" uuid not null, "signup_opens_days" int not null default 30, "cancel_cutoff_minutes" int not null default 180, "min_rest_minutes" int not null default 0, "max_minutes_per_day" int not null default 600, "max_minutes_per_week" int not null default 2400, "release_lead_minutes" int not null default 1440, "horizon_weeks" int not null default 8, constraint "volunteering_settings_pkey" primary key ("community_id"));`);

    this.addSql(`alter table "shift_series" add constraint "shift_series_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "shift_series" add constraint "shift_series_estate_id_foreign" foreign key ("estate_id") references "estate" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "shift" add constraint "shift_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "shift" add constraint "shift_estate_id_foreign" foreign key ("estate_id") references "estate" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "shift" add constraint "shift_series_id_foreign" foreign key ("series_id") references "shift_series" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "organisation_reservation" add constraint "organisation_reservation_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "organisation_reservation" add constraint "organisation_reservation_shift_id_foreign" foreign key ("shift_id") references "shift" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "organisation_reservation" add constraint "organisation_reservation_organisation_id_foreign" foreign key ("organisation_id") references "partner_organisation" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "claim" add constraint "claim_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "claim" add constraint "claim_shift_id_foreign" foreign key ("shift_id") references "shift" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "claim" add constraint "claim_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "claim" add constraint "claim_reservation_id_foreign" foreign key ("reservation_id") references "organisation_reservation" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "hours_adjustment" add constraint "hours_adjustment_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "hours_adjustment" add constraint "hours_adjustment_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "hours_adjustment" add constraint "hours_adjustment_claim_id_foreign" foreign key ("claim_id") references "claim" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "volunteering_settings" add constraint "volunteering_settings_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);

    // Hand-written: what the ORM cannot express. These hold the invariants under concurrency.
    this.addSql(`create extension if not exists btree_gist;`);
    this.addSql(`alter table "claim" add constraint "claim_ends_after_start" check (ends_at > starts_at);`);
    // One active claim per person and shift.
    this.addSql(`create unique index "claim_one_active_per_person_and_shift" on "claim" ("shift_id", "person_id") where status in ('confirmed', 'waitlisted');`);
    // Nobody holds two overlapping confirmed shifts.
    this.addSql(`alter table "claim" add constraint "claim_no_overlapping_confirmed" exclude using gist ("community_id" with =, "person_id" with =, tstzrange("starts_at", "ends_at") with &&) where (status = 'confirmed');`);
    // One active reservation per organisation and shift (more places: change the existing one).
    this.addSql(`create unique index "organisation_reservation_one_active" on "organisation_reservation" ("shift_id", "organisation_id") where status = 'active';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "organisation_reservation_one_active";`);
    this.addSql(`alter table "claim" drop constraint if exists "claim_no_overlapping_confirmed";`);
    this.addSql(`drop index if exists "claim_one_active_per_person_and_shift";`);
    this.addSql(`alter table "claim" drop constraint if exists "claim_ends_after_start";`);

    this.addSql(`alter table "shift" drop constraint "shift_series_id_foreign";`);

    this.addSql(`alter table "organisation_reservation" drop constraint "organisation_reservation_shift_id_foreign";`);

    this.addSql(`alter table "claim" drop constraint "claim_shift_id_foreign";`);

    this.addSql(`alter table "claim" drop constraint "claim_reservation_id_foreign";`);

    this.addSql(`alter table "hours_adjustment" drop constraint "hours_adjustment_claim_id_foreign";`);

    this.addSql(`drop table if exists "idempotency_record" cascade;`);

    this.addSql(`drop table if exists "outbox_event" cascade;`);

    this.addSql(`drop table if exists "shift_series" cascade;`);

    this.addSql(`drop table if exists "shift" cascade;`);

    this.addSql(`drop table if exists "organisation_reservation" cascade;`);

    this.addSql(`drop table if exists "claim" cascade;`);

    this.addSql(`drop table if exists "hours_adjustment" cascade;`);

    this.addSql(`drop table if exists "volunteering_settings" cascade;`);
  }

}
