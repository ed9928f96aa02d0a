import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, recordEvents } from '@linli/platform';
import { decideClaim, mayPromoteWaitlist } from '../../domain/claim-rules';
import { Claim } from '../../infra/claim.entity';
import { MAX_PROMOTION_CANDIDATES, shiftFactsOf, type ClaimStore } from '../../infra/claim-store';
import type { Shift } from '../../infra/shift.entity';
import { EffectiveRules } from './effective-rules';
import { shiftEvent } from '../shifts/shift-events';

/**
 * Fills free places from the waitlist, first come first served, while the shift is outside the
 * cut-off. Someone the rules would now refuse (e.g. they took an overlapping shift meanwhile)
 * stays waitlisted and the next person is tried.
 *
 * The caller holds, in the store's lock order, the locks of the people first in line
 * (`store.lockWaitlist`, taken before the shift) and then the shift; only those people are
 * promoted here. Anyone who joined the waitlist after is behind them anyway.
 */
export async function promoteFromWaitlist(
  em: EntityManager,
  store: ClaimStore,
  locked: ReadonlySet<string>,
  shift: Shift,
  rules: EffectiveRules,
  now: Date,
): Promise<Claim[]> {
  const promoted: Claim[] = [];
  if (!mayPromoteWaitlist(now, shift, rules)) return promoted;
  let free = shift.capacity - shift.confirmedCount - shift.heldCount;
  if (free <= 0 || !locked.size) return promoted;
  const waiting = await em.find(
    Claim,
    { shift, status: 'waitlisted' },
    { orderBy: { createdAt: 'asc', id: 'asc' }, limit: MAX_PROMOTION_CANDIDATES },
  );
  for (const claim of waiting) {
    if (free <= 0) break;
    if (!locked.has(claim.person.id.toLowerCase())) continue;
    const person = await store.personFacts(shift.community.id, claim.person.id);
    if (!person) continue;
    try {
      decideClaim({
        now,
        shift: shiftFactsOf(shift),
        person,
        nearby: await store.nearbyShifts(shift.community.id, claim.person.id, shift),
        rules,
        viaReservation: true,
      });
    } catch (refusal) {
      if (refusal instanceof DomainError) continue;
      throw refusal;
    }
    claim.status = 'confirmed';
    shift.confirmedCount += 1;
    free -= 1;
    promoted.push(claim);
    recordEvents(em, [
      shiftEvent(shift, 'WaitlistPromoted', now, { claimId: claim.id, personId: claim.person.id }),
    ]);
  }
  return promoted;
}
