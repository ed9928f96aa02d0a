import { Check, Entity, Enum, Filter, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { tenantFilter } from '@linli/platform';
import type { Community, PartnerOrganisation } from '@linli/identity';
import { Shift } from './shift.entity';

export const RESERVATION_STATUSES = ['active', 'released', 'cancelled'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/**
 * A partner organisation holding places on a shift for its members. Unassigned places count in
 * the shift's held_count, so individual claims can never take them; at release_at the rest go
 * back to the open pool.
 */
@Entity({ tableName: 'organisation_reservation' })
@Filter(tenantFilter)
@Check({
  name: 'reservation_assigned_within_places',
  expression: 'places >= 1 and assigned_count >= 0 and assigned_count <= places',
})
@Index({
  name: 'organisation_reservation_one_active',
  expression: `create unique index "organisation_reservation_one_active" on "organisation_reservation" ("shift_id", "organisation_id") where status = 'active'`,
})
export class OrganisationReservation {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: 'Community', deleteRule: 'cascade' })
  community!: Community;

  @ManyToOne(() => Shift, { deleteRule: 'cascade', index: true })
  shift!: Shift;

  @ManyToOne({ entity: 'PartnerOrganisation', deleteRule: 'cascade' })
  organisation!: PartnerOrganisation;

  @Property({ type: 'integer' })
  places!: number;

  @Property({ type: 'integer' })
  assignedCount: number = 0;

  @Enum({ items: () => RESERVATION_STATUSES, type: 'text' })
  status: ReservationStatus = 'active';

  /** Unassigned places return to the open pool at this instant. */
  @Property({ type: 'datetime', index: true })
  releaseAt!: Date;

  @Property({ type: 'uuid' })
  createdBy!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
