import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, RequiredEntityData } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import {
  Actor,
  Clock,
  DomainError,
  forbidden,
  inTransaction,
  notFound,
  recordEvents,
  scopeToCommunity,
} from '@linli/platform';
import { IdentityDirectory } from '@linli/identity';
import { decideClaim } from '../../domain/claim-rules';
import { Claim } from '../../infra/claim.entity';
import { ClaimStore, shiftFactsOf } from '../../infra/claim-store';
import { translateConstraint } from '../../infra/constraint-errors';
import { OrganisationReservation } from '../../infra/organisation-reservation.entity';
import { ReservationRepository } from '../../infra/reservation.repository';
import { effectiveRules } from '../claims/effective-rules';
import { promoteFromWaitlist } from '../claims/promote-waitlist';
import { shiftEvent } from '../shifts/shift-events';

const MINUTE = 60_000;

/**
 * Partner organisations hold blocks of places (organisers or the organisation's coordinator
 * reserve them); the coordinator puts members on them; what is not assigned by the lead time
 * goes back to the open pool. Held places sit in shift.held_count, under the same CHECK as
 * confirmed ones, so reservations and individual claims can never together exceed capacity.
 * Locks follow the claim store's order: people, then the shift, then the reservation.
 */
@Injectable()
export class ReservationsUseCase {
  constructor(
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
    private readonly identity: IdentityDirectory,
  ) {}

  async reserve(
    actor: Actor,
    shiftId: string,
    input: { organisationId: string; places: number },
  ): Promise<OrganisationReservation> {
    if (
      actor.role === 'volunteer' ||
      (actor.role === 'coordinator' && actor.organisationId !== input.organisationId)
    ) {
      throw forbidden('Organisers, or the organisation’s own coordinator, reserve places');
    }
    const organisation = await this.identity.organisation(actor.communityId, input.organisationId);
    try {
      return await inTransaction(this.em, async (tx) => {
        const em = tx as EntityManager;
        const now = this.clock.now();
        const shift = await ClaimStore.in(em).lockShift(actor.communityId, shiftId);
        if (shift.status === 'cancelled') throw new DomainError('SHIFT_CANCELLED', 'the shift is cancelled');
        if (shift.startsAt <= now) throw new DomainError('SHIFT_STARTED', 'the shift has already started');
        if (!organisation?.active)
          throw new DomainError('REFERENCE_INVALID', 'organisationId names no active organisation here', [
            { field: 'organisationId', message: 'no such organisation' },
          ]);
        if (shift.reservedForKinds.length && !shift.reservedForKinds.includes(organisation.kind)) {
          throw new DomainError(
            'PARTNER_KIND_REQUIRED',
            `this shift is reserved for: ${shift.reservedForKinds.join(', ')}`,
          );
        }
        const free = shift.capacity - shift.confirmedCount - shift.heldCount;
        if (input.places > free)
          throw new DomainError('NOT_ENOUGH_PLACES', `only ${free} free place(s) left`);
        const rules = await effectiveRules(em, actor.communityId, shift);
        const reservation = em.create(OrganisationReservation, {
          community: actor.communityId,
          shift,
          organisation: input.organisationId,
          places: input.places,
          releaseAt: new Date(
            Math.max(now.getTime(), shift.startsAt.getTime() - rules.releaseLeadMinutes * MINUTE),
          ),
          createdBy: actor.accountId,
        } as RequiredEntityData<OrganisationReservation>);
        shift.heldCount += input.places;
        await em.flush();
        return reservation;
      });
    } catch (error) {
      throw translateConstraint(error);
    }
  }

  /** The coordinator (or an organiser) puts a member on one of the organisation's held places. */
  async assign(actor: Actor, reservationId: string, personId: string): Promise<Claim> {
    // Who the reservation belongs to never changes, so it and the membership are read before any
    // lock is taken (a lookup on another pool must not wait while this transaction holds locks).
    const held = await this.em
      .fork()
      .findOne(OrganisationReservation, { id: reservationId, community: actor.communityId });
    if (
      !held ||
      actor.role === 'volunteer' ||
      (actor.role === 'coordinator' && actor.organisationId !== held.organisation.id)
    ) {
      throw notFound('Reservation');
    }
    const member = await this.identity.isActiveMember(actor.communityId, personId, held.organisation.id);
    try {
      return await inTransaction(this.em, async (tx) => {
        const em = tx as EntityManager;
        const now = this.clock.now();
        const store = ClaimStore.in(em);
        // Lock order: the person, then the shift, then the reservation.
        await store.lockPerson(personId);
        const shift = await store.lockShift(actor.communityId, held.shift.id);
        const reservation = await em.findOne(
          OrganisationReservation,
          { id: held.id, community: actor.communityId },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        if (!reservation || reservation.status !== 'active')
          throw new DomainError('RESERVATION_NOT_ACTIVE', 'the reservation was released or cancelled');
        if (reservation.assignedCount >= reservation.places)
          throw new DomainError('RESERVATION_FULL', 'all reserved places are assigned');
        if (!member)
          throw new DomainError('NOT_A_MEMBER', 'the person is not an active member of this organisation', [
            { field: 'personId', message: 'not a member' },
          ]);
        const person = await store.personFacts(actor.communityId, personId);
        if (!person) throw notFound('Person');
        const already = await em.count(Claim, {
          shift,
          person: personId,
          status: { $in: ['confirmed', 'waitlisted'] },
        });
        if (already) throw new DomainError('ALREADY_CLAIMED', 'already on this shift or its waitlist');
        const rules = await effectiveRules(em, actor.communityId, shift);
        decideClaim({
          now,
          shift: shiftFactsOf(shift),
          person,
          nearby: await store.nearbyShifts(actor.communityId, personId, shift),
          rules,
          viaReservation: true,
          byOrganiser: true,
        });
        const claim = em.create(Claim, {
          community: actor.communityId,
          shift,
          person: personId,
          status: 'confirmed',
          source: 'organisation',
          reservation,
          createdBy: actor.accountId,
          startsAt: shift.startsAt,
          endsAt: shift.endsAt,
        } as RequiredEntityData<Claim>);
        reservation.assignedCount += 1;
        shift.heldCount -= 1;
        shift.confirmedCount += 1;
        recordEvents(em, [
          shiftEvent(shift, 'ClaimConfirmed', now, { claimId: claim.id, personId, reservationId }),
        ]);
        await em.flush();
        return claim;
      });
    } catch (error) {
      throw translateConstraint(error);
    }
  }

  /**
   * Worker tick: reservations past their release time give unassigned places back to the open
   * pool, which the waitlist fills first. Each reservation in its own transaction; a worker skips
   * one another worker has taken (`tryTakeRelease`), so several share the work.
   */
  async releaseDue(limit = 100): Promise<number> {
    const due = await ReservationRepository.in(this.em.fork()).due(this.clock.now(), limit);
    let released = 0;
    for (const row of due) {
      released += (await this.release(row.communityId, row.shiftId, row.id, { take: true })) ? 1 : 0;
    }
    return released;
  }

  /**
   * Gives a reservation's unassigned places back now (a standing block ended): the members on it
   * keep their places. Organisers, or the organisation's own coordinator. False when it was no
   * longer active.
   */
  async releaseNow(actor: Actor, reservationId: string): Promise<boolean> {
    const found = await this.em
      .fork()
      .findOne(
        OrganisationReservation,
        { id: reservationId, community: actor.communityId },
        { filters: false },
      );
    if (!found) throw notFound('Reservation');
    if (
      actor.role !== 'organiser' &&
      !(actor.role === 'coordinator' && actor.organisationId === found.organisation.id)
    )
      throw notFound('Reservation');
    return this.release(actor.communityId, found.shift.id, found.id, { take: false });
  }

  private release(
    communityId: string,
    shiftId: string,
    reservationId: string,
    options: { take: boolean },
  ): Promise<boolean> {
    return inTransaction(this.em, async (tx) => {
      const em = tx as EntityManager;
      if (options.take && !(await ReservationRepository.in(em).tryTakeRelease(reservationId))) return false;
      scopeToCommunity(em, communityId);
      const now = this.clock.now();
      const store = ClaimStore.in(em);
      // Lock order: the people first in line (the places may go to them), the shift, the reservation.
      const waiting = await store.lockWaitlist(shiftId);
      const shift = await store.lockShift(communityId, shiftId);
      const reservation = await em.findOne(
        OrganisationReservation,
        { id: reservationId },
        { lockMode: LockMode.PESSIMISTIC_WRITE, filters: false },
      );
      if (!reservation || reservation.status !== 'active') return false;
      shift.heldCount -= reservation.places - reservation.assignedCount;
      reservation.status = 'released';
      recordEvents(em, [
        shiftEvent(shift, 'ReservationReleased', now, {
          reservationId: reservation.id,
          returned: reservation.places - reservation.assignedCount,
        }),
      ]);
      const rules = await effectiveRules(em, communityId, shift);
      await promoteFromWaitlist(em, store, waiting, shift, rules, now);
      await em.flush();
      return true;
    });
  }
}
