import { Check, Entity, Filter, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { tenantFilter } from '@linli/platform';
import type { Community, Person } from '@linli/identity';
import { Claim } from './claim.entity';

/** A manual correction of service hours, with who and why: the audit trail of hours. */
@Entity({ tableName: 'hours_adjustment' })
@Filter(tenantFilter)
@Index({ properties: ['community', 'occurredAt'] })
@Check({
  name: 'hours_adjustment_reason_given',
  expression: 'length(btrim(reason)) >= 1 and length(btrim(reason)) <= 500',
})
@Check({ name: 'hours_adjustment_bounded', expression: 'minutes <> 0 and abs(minutes) <= 1440' })
export class HoursAdjustment {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: 'Community', deleteRule: 'cascade' })
  community!: Community;

  @ManyToOne({ entity: 'Person', deleteRule: 'cascade', index: true })
  person!: Person;

  @ManyToOne(() => Claim, { nullable: true, deleteRule: 'set null' })
  claim?: Claim | null;

  @Property({ type: 'integer' })
  minutes!: number;

  /** When the service happened (for period reports). */
  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'uuid' })
  createdBy!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
