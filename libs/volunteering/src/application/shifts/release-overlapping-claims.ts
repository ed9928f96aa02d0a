import type { EntityManager } from '@mikro-orm/postgresql';
import { recordEvents } from '@linli/platform';
import { Claim } from '../../infra/claim.entity';
import type { ClaimStore } from '../../infra/claim-store';
import type { Shift } from '../../infra/shift.entity';
import { shiftEvent } from './shift-events';

/** A place a move gave back: the person now had another shift at the new time. */
export interface ReleasedPlace {
  shiftId: string;
  personId: string;
  reason: 'overlaps';
  overlapsShiftId: string;
}

/**
 * Before `shift` moves to [startsAt, endsAt): releases the confirmed claims whose person has
 * another confirmed shift at the new time, as a cancellation naming why (ClaimCancelled with
 * `reason: 'overlaps'`: the person is told, and gets the shift's CANCEL invite), and gives each
 * place back to its reservation or to the open pool. The caller holds the people's locks and then
 * the shift's (ClaimStore's order), moves the others, and fills freed places from the waitlist.
 * Flushes, so the claims still confirmed are the ones the move then carries.
 */
export async function releaseOverlappingClaims(
  em: EntityManager,
  store: ClaimStore,
  shift: Shift,
  next: { startsAt: Date; endsAt: Date },
  now: Date,
): Promise<ReleasedPlace[]> {
  const overlapping = await store.claimsOverlappingAfterMove(
    shift.community.id,
    shift.id,
    next.startsAt,
    next.endsAt,
  );
  if (!overlapping.length) return [];
  const claims = await em.find(
    Claim,
    { id: { $in: overlapping.map((o) => o.claimId) }, shift },
    { populate: ['reservation'] },
  );
  const released: ReleasedPlace[] = [];
  for (const claim of claims) {
    const { overlapsShiftId } = overlapping.find((o) => o.claimId === claim.id)!;
    claim.status = 'cancelled';
    claim.cancelledAt = now;
    shift.confirmedCount -= 1;
    const reservation = claim.reservation;
    if (reservation && reservation.status === 'active') {
      reservation.assignedCount -= 1;
      shift.heldCount += 1;
    }
    recordEvents(em, [
      shiftEvent(shift, 'ClaimCancelled', now, {
        claimId: claim.id,
        personId: claim.person.id,
        reason: 'overlaps',
        overlapsShiftId,
      }),
    ]);
    released.push({ shiftId: shift.id, personId: claim.person.id, reason: 'overlaps', overlapsShiftId });
  }
  await em.flush();
  return released.sort((a, b) => a.personId.localeCompare(b.personId));
}
