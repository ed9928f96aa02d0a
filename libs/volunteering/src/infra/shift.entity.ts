import {
  ArrayType,
  Check,
  Entity,
  Enum,
  Filter,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { randomBytes, randomUUID } from 'node:crypto';
import { tenantFilter } from '@linli/platform';
import type { Community, Estate } from '@linli/identity';
import { ShiftSeries } from './shift-series.entity';

export const SHIFT_STATUSES = ['open', 'cancelled'] as const;
export type ShiftStatus = (typeof SHIFT_STATUSES)[number];

/**
 * 班次: a staffed time slot with capacity. The counters are the invariant: PostgreSQL refuses
 * any change that would put more confirmed people plus unassigned organisation places on a shift
 * than it has capacity.
 */
@Entity({ tableName: 'shift' })
@Filter(tenantFilter)
@Index({ properties: ['community', 'startsAt'] })
@Index({ properties: ['community', 'originContext', 'originId'] })
@Unique({ properties: ['series', 'seriesOccurrence'] })
@Check({ name: 'shift_ends_after_start', expression: 'ends_at > starts_at' })
@Check({ name: 'shift_capacity_positive', expression: 'capacity >= 1 and capacity <= 10000' })
@Check({
  name: 'shift_counts_within_capacity',
  expression: 'confirmed_count >= 0 and held_count >= 0 and confirmed_count + held_count <= capacity',
})
export class Shift {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: 'Community', deleteRule: 'cascade' })
  community!: Community;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  /** Free-text place, e.g. 社区服务中心一楼 (or an estate below). */
  @Property({ type: 'text', nullable: true })
  locationText?: string | null;

  @ManyToOne({ entity: 'Estate', nullable: true, deleteRule: 'set null' })
  estate?: Estate | null;

  /** The record of another context this shift staffs, e.g. ('market_session', id). */
  @Property({ type: 'text', nullable: true })
  originContext?: string | null;

  @Property({ type: 'text', nullable: true })
  originId?: string | null;

  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Property({ type: 'datetime' })
  endsAt!: Date;

  /** The IANA zone the shift was planned in (for wall-clock display and day/week limits). */
  @Property({ type: 'text' })
  timeZone!: string;

  @Property({ type: 'integer' })
  capacity!: number;

  /** Confirmed claims, individual and organisation-assigned. */
  @Property({ type: 'integer' })
  confirmedCount: number = 0;

  /** Places organisations hold but have not yet assigned to members. */
  @Property({ type: 'integer' })
  heldCount: number = 0;

  @Property({ type: ArrayType })
  requiredQualifications: string[] = [];

  @Property({ type: 'smallint', nullable: true })
  minAge?: number | null;

  /** Partner kinds the shift is reserved for; empty means open to everyone. */
  @Property({ type: ArrayType })
  reservedForKinds: string[] = [];

  @Enum({ items: () => SHIFT_STATUSES, type: 'text' })
  status: ShiftStatus = 'open';

  @Property({ type: 'text', nullable: true })
  cancelReason?: string | null;

  /** Bumped on every change that matters to people on the shift (time, place, cancellation). */
  @Property({ type: 'integer' })
  version: number = 1;

  @ManyToOne(() => ShiftSeries, { nullable: true, deleteRule: 'set null' })
  series?: ShiftSeries | null;

  /** The series occurrence this shift materialises (its original start), stable when moved. */
  @Property({ type: 'datetime', nullable: true })
  seriesOccurrence?: Date | null;

  /** Changed by hand: series edits leave it alone unless asked. */
  @Property({ type: 'boolean' })
  editedByHand: boolean = false;

  // Rule overrides; null means the community default.
  @Property({ type: 'integer', nullable: true })
  signupOpensDays?: number | null;

  @Property({ type: 'integer', nullable: true })
  cancelCutoffMinutes?: number | null;

  @Property({ type: 'integer', nullable: true })
  releaseLeadMinutes?: number | null;

  /**
   * The shift's secret from which each day's six-digit check-in code is derived
   * (dailyCheckInCode); never shown. Shifts created before codes rotated keep their old six
   * digits here, which still derive daily codes.
   */
  @Property({ type: 'text', fieldName: 'checkin_code' })
  checkinSecret: string = newCheckInSecret();

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** 128 random bits, hex: the key each day's check-in code is derived from. */
export function newCheckInSecret(): string {
  return randomBytes(16).toString('hex');
}
