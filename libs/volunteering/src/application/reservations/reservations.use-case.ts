import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, RequiredEntityData } from '@mikro-orm/postgresql';
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
import { decideClaim } from '../domain/claim-rules';
import { Claim } from '../infra/claim.entity';
import { OrganisationReservation } from '../infra/organisation-reservation.entity';
import { lockPerson, lockShift, nearbyShifts, personFacts, shiftFacts } from './claim-facts';
import { effectiveRules } from './effective-rules';
import { shiftEvent } from './shift-events';
import { translateConstraint } from './claim-shift.use-case';
import { promoteFromWaitlist } from './promote-waitlist';

const MINUTE = 60_000;

/**
 * Partner organisations hold blocks of places (organisers or the organisation's coordinator
 * reserve them); the coordinator puts members on them; what is not assigned by the lead time
 * goes back to the open pool. Held places sit in shift.held_count, under the same CHECK as
 * confirmed ones, so reservations and individual claims can never together exceed capacity.
 */
@Injectable()
export class ReservationsUseCase {
  constructor(
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
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
    try {
      return await inTransaction(this.em, async (tx) => {
        const em = tx as EntityManager;
        const now = this.clock.now();
        const shift = await lockShift(em, actor.communityId, shiftId);
        if (shift.status === 'cancelled') throw new DomainError('SHIFT_CANCELLED', 'the shift is cancelled');
        if (shift.startsAt <= now) throw new DomainError('SHIFT_STARTED', 'the shift has already started');
        const organisation = await em
          .getConnection()
          .execute<{ kind: string }[]>(
            `SELECT kind FROM partner_organisation WHERE id = ? AND community_id = ? AND active`,
            [input.organisationId, actor.communityId],
            'all',
            em.getTransactionContext(),
          );
        if (!organisation.length)
          throw new DomainError('REFERENCE_INVALID', 'organisationId names no active organisation here', [
            { field: 'body.organisationId', message: 'no such organisation' },
          ]);
        if (shift.reservedForKinds.length && !shift.reservedForKinds.includes(organisation[0].kind)) {
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
      if ((error as { code?: string }).code === '23505') {
        throw new DomainError(
          'ALREADY_EXISTS',
          'this organisation already holds places on this shift; change that reservation',
        );
      }
      throw translateConstraint(error);
    }
  }

  /** The coordinator (or an organiser) puts a member on one of the organisation's held places. */
  async assign(actor: Actor, reservationId: string, personId: string): Promise<Claim> {
    try {
      return await inTransaction(this.em, async (tx) => {
        const em = tx as EntityManager;
        const now = this.clock.now();
        const found = await em.findOne(OrganisationReservation, {
          id: reservationId,
          community: actor.communityId,
        });
        if (!found) throw notFound('Reservation');
        if (
          actor.role === 'volunteer' ||
          (actor.role === 'coordinator' && actor.organisationId !== found.organisation.id)
        ) {
          throw notFound('Reservation');
        }
        const shift = await lockShift(em, actor.communityId, found.shift.id);
        const reservation = await em.refresh(found);
        if (!reservation || reservation.status !== 'active')
          throw new DomainError('RESERVATION_NOT_ACTIVE', 'the reservation was released or cancelled');
        if (reservation.assignedCount >= reservation.places)
          throw new DomainError('RESERVATION_FULL', 'all reserved places are assigned');
        const member = await em
          .getConnection()
          .execute(
            `SELECT 1 FROM membership WHERE person_id = ? AND organisation_id = ? AND active AND community_id = ?`,
            [personId, reservation.organisation.id, actor.communityId],
            'all',
            em.getTransactionContext(),
          );
        if (!member.length)
          throw new DomainError('NOT_A_MEMBER', 'the person is not an active member of this organisation', [
            { field: 'body.personId', message: 'not a member' },
          ]);
        await lockPerson(em, personId);
        const person = await personFacts(em, actor.communityId, personId);
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
          shift: shiftFacts(shift),
          person,
          nearby: await nearbyShifts(em, actor.communityId, personId, shift),
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
   * pool, which the waitlist fills first. Each reservation in its own transaction; SKIP LOCKED
   * lets several workers share the work.
   */
  async releaseDue(limit = 100): Promise<number> {
    const due = await this.em
      .fork()
      .getConnection()
      .execute<{ id: string; community_id: string }[]>(
        `SELECT id, community_id FROM organisation_reservation WHERE status = 'active' AND release_at <= ? ORDER BY release_at LIMIT ?`,
        [this.clock.now(), limit],
      );
    let released = 0;
    for (const row of due) {
      released += await inTransaction(this.em, async (tx) => {
        const em = tx as EntityManager;
        const locked = await em
          .getConnection()
          .execute<{ shift_id: string }[]>(
            `SELECT shift_id FROM organisation_reservation WHERE id = ? AND status = 'active' FOR UPDATE SKIP LOCKED`,
            [row.id],
            'all',
            em.getTransactionContext(),
          );
        if (!locked.length) return 0;
        scopeToCommunity(em, row.community_id);
        const now = this.clock.now();
        const shift = await lockShift(em, row.community_id, locked[0].shift_id);
        const reservation = await em.findOneOrFail(
          OrganisationReservation,
          { id: row.id },
          { filters: false },
        );
        if (reservation.status !== 'active') return 0;
        shift.heldCount -= reservation.places - reservation.assignedCount;
        reservation.status = 'released';
        recordEvents(em, [
          shiftEvent(shift, 'ReservationReleased', now, {
            reservationId: reservation.id,
            returned: reservation.places - reservation.assignedCount,
          }),
        ]);
        await promoteFromWaitlist(em, shift, await effectiveRules(em, row.community_id, shift), now);
        await em.flush();
        return 1;
      });
    }
    return released;
  }
}
