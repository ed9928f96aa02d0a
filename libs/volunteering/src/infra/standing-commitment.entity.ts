import { Check, Entity, Filter, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { tenantFilter, type Role } from '@linli/platform';
import type { Community, PartnerOrganisation, Person } from '@linli/identity';
import { ShiftSeries } from './shift-series.entity';

/**
 * A standing commitment to a series: a person's claim on every occurrence from `fromAt` on, or an
 * organisation's block of `places` on each. Each occurrence gets it as it is materialised (and,
 * for a person, once its sign-up opens) under the usual rules; what happened to each is a
 * StandingCommitmentOutcome. Ending it releases the future places it took. One active commitment
 * per person (or organisation) and series.
 */
@Entity({ tableName: 'standing_commitment' })
@Filter(tenantFilter)
@Check({
  name: 'standing_commitment_person_or_organisation',
  expression: '(person_id is null) <> (organisation_id is null)',
})
@Check({ name: 'standing_commitment_places', expression: 'places >= 1 and places <= 10000' })
@Index({
  name: 'standing_commitment_one_active_person',
  expression: `create unique index "standing_commitment_one_active_person" on "standing_commitment" ("community_id", "series_id", "person_id") where ended_at is null and person_id is not null`,
})
@Index({
  name: 'standing_commitment_one_active_organisation',
  expression: `create unique index "standing_commitment_one_active_organisation" on "standing_commitment" ("community_id", "series_id", "organisation_id") where ended_at is null and organisation_id is not null`,
})
@Index({ properties: ['community', 'series', 'endedAt'] })
export class StandingCommitment {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: 'Community', deleteRule: 'cascade' })
  community!: Community;

  @ManyToOne(() => ShiftSeries, { deleteRule: 'cascade' })
  series!: ShiftSeries;

  @ManyToOne({ entity: 'Person', deleteRule: 'cascade', nullable: true })
  person?: Person | null;

  @ManyToOne({ entity: 'PartnerOrganisation', deleteRule: 'cascade', nullable: true })
  organisation?: PartnerOrganisation | null;

  /** An organisation's block: places held on each occurrence (1 for a person). */
  @Property({ type: 'integer' })
  places: number = 1;

  /** Occurrences starting at or after this instant are covered. */
  @Property({ type: 'datetime' })
  fromAt!: Date;

  /** Who made it, and as what: each claim or reservation is made in their name and role. */
  @Property({ type: 'uuid' })
  createdBy!: string;

  @Property({ type: 'text' })
  createdByRole!: Role;

  @Property({ type: 'datetime', nullable: true })
  endedAt?: Date | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
