import type { FilterQuery } from '@mikro-orm/postgresql';
import { DomainError } from '@linli/platform';
import type { Shift } from '../../infra/shift.entity';

/** One bulk change touches at most this many shifts; more is a mistake in the range, not a rainy day. */
export const MAX_BULK_SHIFTS = 500;
export const MAX_BULK_RANGE_DAYS = 31;

/** "Everything in this time range at this place": estate or free-text place, or everywhere. */
export interface ShiftRange {
  from: Date;
  to: Date;
  estateId?: string;
  locationText?: string;
}

export interface BulkOutcome {
  shift: Shift;
  /** Everyone who was on the shift or its waitlist: they are told (the event carries them too). */
  affectedPersonIds: string[];
  /** Where the shift was before a postponement. */
  previous?: { startsAt: Date; endsAt: Date };
}

/**
 * Open shifts that start in [from, to) at the place and have not started yet: a shift under way
 * is the organiser's call on site (its people may already be checked in), not a bulk change's.
 */
export function bulkSelection(communityId: string, range: ShiftRange, now: Date): FilterQuery<Shift> {
  const where: Record<string, unknown> = {
    community: communityId,
    status: 'open',
    startsAt: { ...(range.from > now ? { $gte: range.from } : { $gt: now }), $lt: range.to },
  };
  if (range.estateId) where.estate = range.estateId;
  if (range.locationText) where.locationText = range.locationText;
  return where as FilterQuery<Shift>;
}

export function assertBulkSize(found: number): void {
  if (found > MAX_BULK_SHIFTS)
    throw new DomainError(
      'VALIDATION_FAILED',
      `more than ${MAX_BULK_SHIFTS} shifts match; narrow the time range or give a place`,
      [{ field: 'to', message: `at most ${MAX_BULK_SHIFTS} shifts per request` }],
    );
}

export const uniquePeople = (outcomes: BulkOutcome[]): string[] => [
  ...new Set(outcomes.flatMap((outcome) => outcome.affectedPersonIds)),
];
