import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Actor, Clock, DomainError, inTransaction, notFound, recordEvents } from '@linli/platform';
import { assertMayCancel } from '../../domain/claim-rules';
import { Claim } from '../../infra/claim.entity';
import { ClaimStore } from '../../infra/claim-store';
import { translateConstraint } from '../../infra/constraint-errors';
import { effectiveRules } from './effective-rules';
import { promoteFromWaitlist } from './promote-waitlist';
import { shiftEvent } from '../shifts/shift-events';

/**
 * Cancels a claim. Volunteers may cancel their own until the cut-off; organisers any; a
 * coordinator the claims of their organisation's reservations. A freed place goes back to its
 * reservation (if it came from one) or to the waitlist. Locks in the store's order: the people
 * first on the waitlist (whom the freed place may go to), then the shift.
 */
@Injectable()
export class CancelClaimUseCase {
  constructor(
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** `because`: volunteering itself gives the place up (a standing commitment ended), said in the event. */
  async execute(
    actor: Actor,
    claimId: string,
    because?: { reason: 'commitment_ended'; commitmentId: string },
  ): Promise<Claim> {
    try {
      return await inTransaction(this.em, async (tx) => {
        const em = tx as EntityManager;
        const now = this.clock.now();
        const found = await em.findOne(
          Claim,
          { id: claimId, community: actor.communityId },
          { populate: ['reservation'] },
        );
        if (!found) throw notFound('Claim');
        const store = ClaimStore.in(em);
        const waiting = await store.lockWaitlist(found.shift.id);
        const shift = await store.lockShift(actor.communityId, found.shift.id);
        await em.refresh(found);
        const claim = found;
        this.assertAllowed(actor, claim);
        if (claim.status !== 'confirmed' && claim.status !== 'waitlisted') {
          throw new DomainError('CLAIM_NOT_ACTIVE', `the claim is ${claim.status}`);
        }
        const rules = await effectiveRules(em, actor.communityId, shift);
        if (actor.role !== 'organiser') assertMayCancel(now, shift, rules);
        const wasConfirmed = claim.status === 'confirmed';
        claim.status = 'cancelled';
        claim.cancelledAt = now;
        recordEvents(em, [
          shiftEvent(shift, 'ClaimCancelled', now, {
            claimId: claim.id,
            personId: claim.person.id,
            ...because,
          }),
        ]);
        if (wasConfirmed) {
          shift.confirmedCount -= 1;
          const reservation = claim.reservation;
          if (reservation && reservation.status === 'active') {
            // The organisation keeps its place for another member.
            reservation.assignedCount -= 1;
            shift.heldCount += 1;
          } else {
            await promoteFromWaitlist(em, store, waiting, shift, rules, now);
          }
        }
        await em.flush();
        return claim;
      });
    } catch (error) {
      throw translateConstraint(error);
    }
  }

  private assertAllowed(actor: Actor, claim: Claim): void {
    if (actor.role === 'organiser') return;
    if (claim.person.id === actor.personId) return;
    if (
      actor.role === 'coordinator' &&
      claim.reservation &&
      claim.reservation.organisation.id === actor.organisationId
    )
      return;
    throw notFound('Claim');
  }
}
