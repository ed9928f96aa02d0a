import { Entity, Enum, Filter, ManyToOne, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { tenantFilter } from '@linli/platform';
import type { Community } from '@linli/identity';
import { Shift } from './shift.entity';
import { StandingCommitment } from './standing-commitment.entity';

export const COMMITMENT_OUTCOMES = ['confirmed', 'waitlisted', 'reserved', 'refused'] as const;
export type CommitmentOutcomeKind = (typeof COMMITMENT_OUTCOMES)[number];

/** What a standing commitment did on one occurrence: the place it took, or the refusal and why. */
@Entity({ tableName: 'standing_commitment_outcome' })
@Filter(tenantFilter)
export class StandingCommitmentOutcome {
  [PrimaryKeyProp]?: ['commitment', 'shift'];

  @ManyToOne(() => StandingCommitment, { primary: true, deleteRule: 'cascade' })
  commitment!: StandingCommitment;

  @ManyToOne(() => Shift, { primary: true, deleteRule: 'cascade', index: true })
  shift!: Shift;

  @ManyToOne({ entity: 'Community', deleteRule: 'cascade' })
  community!: Community;

  @Enum({ items: () => COMMITMENT_OUTCOMES, type: 'text' })
  outcome!: CommitmentOutcomeKind;

  /** The refusal's code (`CLAIM_OVERLAPS`, `SHIFT_FULL`, ...), for refused ones. */
  @Property({ type: 'text', nullable: true })
  code?: string | null;

  @Property({ type: 'text', nullable: true })
  detail?: string | null;

  /** The claim or reservation it made: what ending the commitment releases. */
  @Property({ type: 'uuid', nullable: true })
  claimId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  reservationId?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
