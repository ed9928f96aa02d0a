import { Check, Entity, Enum, Filter, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { tenantFilter } from '@linli/platform';
import type { Community, Person } from '@linli/identity';
import { Shift } from './shift.entity';
import { OrganisationReservation } from './organisation-reservation.entity';

export const CLAIM_STATUSES = ['confirmed', 'waitlisted', 'cancelled', 'no_show', 'completed'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const CLAIM_SOURCES = ['self', 'organisation', 'organiser'] as const;
export type ClaimSource = (typeof CLAIM_SOURCES)[number];

/**
 * 认领: a person on a shift. The migration adds what the ORM cannot say: one active claim per
 * person and shift (partial unique) and no two overlapping confirmed claims for a person
 * (EXCLUDE on tstzrange(starts_at, ends_at), which copy the shift's times).
 */
@Entity({ tableName: 'claim' })
@Filter(tenantFilter)
@Index({ properties: ['shift', 'status', 'createdAt'] })
@Index({ properties: ['community', 'person', 'startsAt'] })
@Check({ name: 'claim_ends_after_start', expression: 'ends_at > starts_at' })
@Index({
  name: 'claim_one_active_per_person_and_shift',
  expression: `create unique index "claim_one_active_per_person_and_shift" on "claim" ("shift_id", "person_id") where status in ('confirmed', 'waitlisted')`,
})
@Index({ properties: ['community', 'status', 'startsAt'] })
@Index({
  name: 'claim_open_checkins',
  expression: `create index "claim_open_checkins" on "claim" ("ends_at") where status = 'confirmed' and checked_in_at is not null`,
})
@Check({
  name: 'claim_checkout_after_checkin',
  expression: 'checked_out_at is null or (checked_in_at is not null and checked_out_at >= checked_in_at)',
})
@Check({
  name: 'claim_credited_minutes_bounded',
  expression: 'credited_minutes is null or (credited_minutes >= 0 and credited_minutes <= 1440)',
})
@Check({
  name: 'claim_closed_has_credit',
  expression: "credited_minutes is not null or (status <> 'completed' and status <> 'no_show')",
})
@Check({ name: 'claim_no_show_credits_nothing', expression: "status <> 'no_show' or credited_minutes = 0" })
@Index({
  name: 'claim_no_overlapping_confirmed',
  expression: `alter table "claim" add constraint "claim_no_overlapping_confirmed" exclude using gist ("community_id" with =, "person_id" with =, tstzrange("starts_at", "ends_at") with &&) where (status = 'confirmed')`,
})
export class Claim {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: 'Community', deleteRule: 'cascade' })
  community!: Community;

  @ManyToOne(() => Shift, { deleteRule: 'cascade' })
  shift!: Shift;

  @ManyToOne({ entity: 'Person', deleteRule: 'restrict' })
  person!: Person;

  @Enum({ items: () => CLAIM_STATUSES, type: 'text' })
  status!: ClaimStatus;

  @Enum({ items: () => CLAIM_SOURCES, type: 'text' })
  source!: ClaimSource;

  /** Set when an organisation's coordinator put the person on one of its held places. */
  @ManyToOne(() => OrganisationReservation, { nullable: true, deleteRule: 'set null' })
  reservation?: OrganisationReservation | null;

  /** The account that made the claim (the volunteer, a coordinator or an organiser). */
  @Property({ type: 'uuid' })
  createdBy!: string;

  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Property({ type: 'datetime' })
  endsAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  checkedInAt?: Date | null;

  /** The account that checked the person in: themselves with the shift's code, or an organiser. */
  @Property({ type: 'uuid', nullable: true })
  checkedInBy?: string | null;

  @Property({ type: 'datetime', nullable: true })
  checkedOutAt?: Date | null;

  @Property({ type: 'uuid', nullable: true })
  checkedOutBy?: string | null;

  /** Service hours credited, in minutes (set on completion, 0 for a no-show). */
  @Property({ type: 'integer', nullable: true })
  creditedMinutes?: number | null;

  /** The organiser who confirmed attendance or marked the no-show, and when (the audit of completion). */
  @Property({ type: 'uuid', nullable: true })
  attendanceRecordedBy?: string | null;

  @Property({ type: 'datetime', nullable: true })
  attendanceRecordedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  cancelledAt?: Date | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
