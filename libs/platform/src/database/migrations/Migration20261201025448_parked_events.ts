import { Migration } from '@mikro-orm/migrations';

export class Migration20261201025448_parked_events extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "parked_event" ("consumer" text not null, "event_id" bigint not null, "type" text not null, "reason" text not null, "parked_at" timestamptz not null default now(), constraint "parked_event_pkey" primary key ("consumer", "event_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "parked_event" cascade;`);
  }

}
