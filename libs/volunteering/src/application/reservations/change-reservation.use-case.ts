import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { Actor, Clock, DomainError, inTransaction, notFound, recordEvents } from '@linli/platform';
import { ClaimStore } from '../../infra/claim-store';
import { translateConstraint } from '../../infra/constraint-errors';
import { OrganisationReservation } from '../../infra/organisation-reservation.entity';
import { effectiveRules } from '../claims/effective-rules';
import { promoteFromWaitlist } from '../claims/promote-waitlist';
import { shiftEvent } from '../shifts/shift-events';

/**
 * A coordinator (or an organiser) gives back places their organisation holds on a shift:
 * - shrink: keeps fewer places (never fewer than the members already assigned);
 * - cancel: the organisation withdraws; every unassigned place goes back at once and the block is
 *   `cancelled`. Members already assigned keep their places: each is a person's own commitment,
 *   cancelled one by one (`claims/{id}/cancel`) with its notice, never silently with the block.
 * Places given back go to the open pool, which the waitlist fills first, as at the release time.
 * Locks follow the claim store's order: the people first in line, the shift, the reservation.
 */
@Injectable()
export class ChangeReservationUseCase {
  constructor(
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  shrink(actor: Actor, reservationId: string, places: number): Promise<OrganisationReservation> {
    return this.giveBack(actor, reservationId, (reservation) => {
      if (places >= reservation.places)
        throw new DomainError(
          'VALIDATION_FAILED',
          `places must be fewer than the ${reservation.places} held`,
          [{ field: 'places', message: `fewer than ${reservation.places}; to hold more, reserve again` }],
        );
      if (places < reservation.assignedCount)
        throw new DomainError(
          'RESERVATION_BELOW_ASSIGNED',
          `${reservation.assignedCount} member(s) are already assigned: keep at least that many places`,
          [{ field: 'places', message: `at least ${reservation.assignedCount}` }],
        );
      const returned = reservation.places - places;
      reservation.places = places;
      return returned;
    });
  }

  cancel(actor: Actor, reservationId: string): Promise<OrganisationReservation> {
    return this.giveBack(actor, reservationId, (reservation) => {
      const returned = reservation.places - reservation.assignedCount;
      reservation.status = 'cancelled';
      return returned;
    });
  }

  /** `change` adjusts the locked, active reservation and says how many places it gave back. */
  private async giveBack(
    actor: Actor,
    reservationId: string,
    change: (reservation: OrganisationReservation) => number,
  ): Promise<OrganisationReservation> {
    // Whose it is never changes: read before any lock (as ReservationsUseCase.assign does).
    const held = await this.em
      .fork()
      .findOne(OrganisationReservation, { id: reservationId, community: actor.communityId });
    if (
      !held ||
      actor.role === 'volunteer' ||
      (actor.role === 'coordinator' && actor.organisationId !== held.organisation.id)
    )
      throw notFound('Reservation');
    try {
      return await inTransaction(this.em, async (tx) => {
        const em = tx as EntityManager;
        const now = this.clock.now();
        const store = ClaimStore.in(em);
        const waiting = await store.lockWaitlist(held.shift.id);
        const shift = await store.lockShift(actor.communityId, held.shift.id);
        const reservation = await em.findOne(
          OrganisationReservation,
          { id: held.id, community: actor.communityId },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        if (!reservation || reservation.status !== 'active')
          throw new DomainError('RESERVATION_NOT_ACTIVE', 'the reservation was released or cancelled');
        const returned = change(reservation);
        shift.heldCount -= returned;
        recordEvents(em, [
          shiftEvent(shift, 'ReservationReleased', now, { reservationId: reservation.id, returned }),
        ]);
        await promoteFromWaitlist(
          em,
          store,
          waiting,
          shift,
          await effectiveRules(em, actor.communityId, shift),
          now,
        );
        await em.flush();
        return reservation;
      });
    } catch (error) {
      throw translateConstraint(error);
    }
  }
}
