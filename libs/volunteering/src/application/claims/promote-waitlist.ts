import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, recordEvents } from '@linli/platform';
import { decideClaim, mayPromoteWaitlist } from '../domain/claim-rules';
import { Claim } from '../infra/claim.entity';
import type { Shift } from '../infra/shift.entity';
import { lockPerson, nearbyShifts, personFacts, shiftFacts } from './claim-facts';
import { EffectiveRules } from './effective-rules';
import { shiftEvent } from './shift-events';

/**
 * Fills free places from the waitlist, first come first served, while the shift is outside the
 * cut-off. Someone the rules would now refuse (e.g. they took an overlapping shift meanwhile)
 * stays waitlisted and the next person is tried. Caller holds the shift lock.
 */
export async function promoteFromWaitlist(
  em: EntityManager,
  shift: Shift,
  rules: EffectiveRules,
  now: Date,
): Promise<Claim[]> {
  const promoted: Claim[] = [];
  if (!mayPromoteWaitlist(now, shift, rules)) return promoted;
  let free = shift.capacity - shift.confirmedCount - shift.heldCount;
  if (free <= 0) return promoted;
  const waiting = await em.find(
    Claim,
    { shift, status: 'waitlisted' },
    { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 200 },
  );
  for (const claim of waiting) {
    if (free <= 0) break;
    await lockPerson(em, claim.person.id);
    const person = await personFacts(em, shift.community.id, claim.person.id);
    if (!person) continue;
    try {
      decideClaim({
        now,
        shift: shiftFacts(shift),
        person,
        nearby: await nearbyShifts(em, shift.community.id, claim.person.id, shift),
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
