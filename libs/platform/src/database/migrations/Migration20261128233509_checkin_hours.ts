import { Migration } from '@mikro-orm/migrations';

export class Migration20261128233509_checkin_hours extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "claim" add column "checked_in_by" uuid null, add column "checked_out_by" uuid null, add column "attendance_recorded_by" uuid null, add column "attendance_recorded_at" timestamptz null;`);
    this.addSql(`create index "claim_open_checkins" on "claim" ("ends_at") where status = 'confirmed' and checked_in_at is not null;`);
    this.addSql(`create index "claim_community_id_status_starts_at_index" on "claim" ("community_id", "status", "starts_at");`);
    this.addSql(`alter table "claim" add constraint claim_no_show_credits_nothing check(status <> 'no_show' or credited_minutes = 0);`);
    this.addSql(`alter table "claim" add constraint claim_closed_has_credit check(credited_minutes is not null or (status <> 'completed' and status <> 'no_show'));`);
    this.addSql(`alter table "claim" add constraint claim_credited_minutes_bounded check(credited_minutes is null or (credited_minutes >= 0 and credited_minutes <= 1440));`);
    this.addSql(`alter table "claim" add constraint claim_checkout_after_checkin check(checked_out_at is null or (checked_in_at is not null and checked_out_at >= checked_in_at));`);

    this.addSql(`create index "hours_adjustment_community_id_occurred_at_index" on "hours_adjustment" ("community_id", "occurred_at");`);
    this.addSql(`alter table "hours_adjustment" add constraint hours_adjustment_reason_given check(length(btrim(reason)) >= 1 and length(btrim(reason)) <= 500);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "claim_open_checkins";`);
    this.addSql(`drop index "claim_community_id_status_starts_at_index";`);
    this.addSql(`alter table "claim" drop constraint claim_no_show_credits_nothing;`);
    this.addSql(`alter table "claim" drop constraint claim_closed_has_credit;`);
    this.addSql(`alter table "claim" drop constraint claim_credited_minutes_bounded;`);
    this.addSql(`alter table "claim" drop constraint claim_checkout_after_checkin;`);
    this.addSql(`alter table "claim" drop column "checked_in_by", drop column "checked_out_by", drop column "attendance_recorded_by", drop column "attendance_recorded_at";`);

    this.addSql(`drop index "hours_adjustment_community_id_occurred_at_index";`);
    this.addSql(`alter table "hours_adjustment" drop constraint hours_adjustment_reason_given;`);
  }

}
