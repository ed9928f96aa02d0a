import { ArrayType, Check, Entity, Filter, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { tenantFilter } from '@linli/platform';
import type { Community, Estate } from '@linli/identity';

/**
 * A repeating shift pattern (libs/recurrence): shifts are materialised from it for a rolling
 * horizon by a worker tick, one per occurrence (unique on series + occurrence, so ticks are idempotent).
 */
@Entity({ tableName: 'shift_series' })
@Filter(tenantFilter)
@Check({ name: 'shift_series_capacity_positive', expression: 'capacity >= 1 and capacity <= 10000' })
@Check({
  name: 'shift_series_duration_positive',
  expression: 'duration_minutes >= 1 and duration_minutes <= 1440',
})
export class ShiftSeries {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: 'Community', deleteRule: 'cascade' })
  community!: Community;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ type: 'text', nullable: true })
  locationText?: string | null;

  @ManyToOne({ entity: 'Estate', nullable: true, deleteRule: 'set null' })
  estate?: Estate | null;

  @Property({ type: 'text', nullable: true })
  originContext?: string | null;

  @Property({ type: 'text', nullable: true })
  originId?: string | null;

  /** RFC 5545 RRULE (RSCALE allowed). */
  @Property({ type: 'text' })
  rrule!: string;

  /** Local wall time of the first occurrence, e.g. 2026-12-01T09:00:00. */
  @Property({ type: 'text' })
  dtstart!: string;

  @Property({ type: 'text' })
  timeZone!: string;

  @Property({ type: 'text' })
  holidayPolicy: string = 'skip_holidays';

  @Property({ type: 'integer' })
  durationMinutes!: number;

  @Property({ type: ArrayType })
  exdates: string[] = [];

  @Property({ type: 'integer' })
  capacity!: number;

  @Property({ type: ArrayType })
  requiredQualifications: string[] = [];

  @Property({ type: 'smallint', nullable: true })
  minAge?: number | null;

  @Property({ type: ArrayType })
  reservedForKinds: string[] = [];

  @Property({ type: 'integer', nullable: true })
  signupOpensDays?: number | null;

  @Property({ type: 'integer', nullable: true })
  cancelCutoffMinutes?: number | null;

  @Property({ type: 'integer', nullable: true })
  releaseLeadMinutes?: number | null;

  /** Shifts exist for occurrences up to here; the tick extends it. */
  @Property({ type: 'datetime', nullable: true })
  materialisedUntil?: Date | null;

  /** Ended series stop materialising (this-and-following edits end the old one). */
  @Property({ type: 'datetime', nullable: true })
  endedAt?: Date | null;

  @Property({ type: 'integer' })
  version: number = 1;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
