import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, FilterQuery, RequiredEntityData } from '@mikro-orm/postgresql';
import { Clock, DomainError, findPage, inTransaction, notFound, recordEvents } from '@linli/platform';
import { IdentityDirectory } from '@linli/identity';
import { Claim } from '../../infra/claim.entity';
import { ClaimStore } from '../../infra/claim-store';
import { translateConstraint } from '../../infra/constraint-errors';
import { ReservationRepository } from '../../infra/reservation.repository';
import { Shift } from '../../infra/shift.entity';
import { shiftEvent } from './shift-events';
import { releaseOverlappingClaims, type ReleasedPlace } from './release-overlapping-claims';
import { effectiveRules } from '../claims/effective-rules';
import { promoteFromWaitlist } from '../claims/promote-waitlist';

/** What a shift is, as other contexts and the API describe it. */
export interface ShiftDetails {
  title: string;
  description?: string | null;
  locationText?: string | null;
  estateId?: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  capacity: number;
  requiredQualifications?: string[];
  minAge?: number | null;
  reservedForKinds?: string[];
  signupOpensDays?: number | null;
  cancelCutoffMinutes?: number | null;
  releaseLeadMinutes?: number | null;
}

/** Which record of another context a shift staffs: market sessions, vehicle visits, venue bookings. */
export interface ShiftOrigin {
  context: string;
  id: string;
}

/**
 * The volunteering context's public application service for shifts. The API uses it, and so do
 * other contexts (markets, trains, venues): they create, move and cancel the shifts that staff
 * their own records, passing their reference, and never touch volunteering's tables.
 */
@Injectable()
export class ShiftsService {
  constructor(
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
    private readonly identity: IdentityDirectory,
  ) {}

  async schedule(communityId: string, details: ShiftDetails, origin?: ShiftOrigin): Promise<Shift> {
    assertTimes(details);
    const { estateId, ...fields } = details;
    if (estateId) await this.assertEstate(communityId, estateId);
    return inTransaction(this.em, async (tx) => {
      const em = tx as EntityManager;
      const shift = em.create(Shift, {
        ...fields,
        community: communityId,
        estate: estateId ?? null,
        originContext: origin?.context ?? null,
        originId: origin?.id ?? null,
      } as RequiredEntityData<Shift>);
      recordEvents(em, [shiftEvent(shift, 'ShiftScheduled', this.clock.now())]);
      await em.flush();
      return shift;
    });
  }

  async get(communityId: string, id: string): Promise<Shift> {
    const shift = await this.em.findOne(Shift, { id, community: communityId });
    if (!shift) throw notFound('Shift');
    return shift;
  }

  list(
    communityId: string,
    query: {
      page: number;
      pageSize: number;
      sort: string;
      from?: Date;
      to?: Date;
      status?: 'open' | 'cancelled';
      estateId?: string;
      origin?: ShiftOrigin;
      q?: string;
    },
  ) {
    const where: FilterQuery<Shift> & Record<string, unknown> = { community: communityId };
    if (query.from || query.to)
      where.startsAt = {
        ...(query.from ? { $gte: query.from } : {}),
        ...(query.to ? { $lt: query.to } : {}),
      };
    if (query.status) where.status = query.status;
    if (query.estateId) where.estate = query.estateId;
    if (query.origin)
      Object.assign(where, { originContext: query.origin.context, originId: query.origin.id });
    if (query.q) where.title = { $ilike: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` };
    return findPage(this.em, Shift, where, query);
  }

  /**
   * Changes a shift. A change of time bumps the version and moves everyone's claim with it; if that
   * would overlap another confirmed shift of someone on it, the database refuses and nothing changes
   * — unless `options.released` is given (a series edit): then those people's places are released
   * (they are told), listed there, refilled from the waitlist, and everyone else moves.
   * Capacity cannot go below the places already taken.
   */
  async change(
    communityId: string,
    id: string,
    changes: Partial<ShiftDetails>,
    options: { released?: ReleasedPlace[] } = {},
  ): Promise<Shift> {
    const { estateId, ...fields } = changes;
    // Looked up before the shift is locked: a lookup on another pool must not wait under a lock.
    if (estateId) await this.assertEstate(communityId, estateId);
    const releasing = options.released !== undefined && (!!fields.startsAt || !!fields.endsAt);
    try {
      return await inTransaction(this.em, async (tx) => {
        const em = tx as EntityManager;
        const store = ClaimStore.in(em);
        // Lock order: the people on it (and first in line) before the shift.
        const waiting = releasing ? await store.lockPeopleOnShift(id) : new Set<string>();
        const shift = await store.lockShift(communityId, id);
        if (shift.status === 'cancelled')
          throw new DomainError('SHIFT_CANCELLED', 'a cancelled shift cannot be changed');
        const next = { startsAt: fields.startsAt ?? shift.startsAt, endsAt: fields.endsAt ?? shift.endsAt };
        assertTimes(next);
        if (fields.capacity !== undefined && fields.capacity < shift.confirmedCount + shift.heldCount) {
          throw new DomainError(
            'CONFLICT',
            `capacity cannot go below the ${shift.confirmedCount + shift.heldCount} places already taken or held`,
            [{ field: 'capacity', message: 'below places taken' }],
          );
        }
        const moved =
          next.startsAt.getTime() !== shift.startsAt.getTime() ||
          next.endsAt.getTime() !== shift.endsAt.getTime();
        const relocated =
          (fields.locationText !== undefined && fields.locationText !== shift.locationText) ||
          (estateId !== undefined && estateId !== (shift.estate?.id ?? null));
        const previousStart = shift.startsAt;
        // A new title is a change too: calendars get an updated invite (issue 10).
        const retitled = fields.title !== undefined && fields.title !== shift.title;
        const now = this.clock.now();
        const released =
          releasing && moved ? await releaseOverlappingClaims(em, store, shift, next, now) : [];
        em.assign(shift, estateId === undefined ? fields : { ...fields, estate: estateId });
        if (moved || relocated || fields.title !== undefined) {
          shift.version += 1;
          if (shift.series) shift.editedByHand = true;
        }
        if (moved) {
          await em.nativeUpdate(
            Claim,
            { shift, status: { $in: ['confirmed', 'waitlisted'] } },
            { startsAt: next.startsAt, endsAt: next.endsAt },
          );
          // Reserved places are released the same lead time before the new start.
          await ReservationRepository.in(em).moveReleaseTimes(
            shift.id,
            next.startsAt.getTime() - previousStart.getTime(),
          );
          if (released.length) {
            const rules = await effectiveRules(em, communityId, shift);
            await promoteFromWaitlist(em, store, waiting, shift, rules, now);
          }
        }
        if (moved || relocated || retitled) {
          const people = await em.find(
            Claim,
            { shift, status: { $in: ['confirmed', 'waitlisted'] } },
            { fields: ['person'] },
          );
          recordEvents(em, [
            shiftEvent(shift, 'ShiftChanged', this.clock.now(), {
              moved,
              relocated,
              affectedPersonIds: people.map((c) => c.person.id),
            }),
          ]);
        }
        await em.flush();
        options.released?.push(...released);
        return shift;
      });
    } catch (error) {
      throw translateConstraint(error);
    }
  }

  /** Cancels a shift and every claim on it; all of them are recorded for notification. */
  async cancel(
    communityId: string,
    id: string,
    reason: string,
  ): Promise<{ shift: Shift; affected: string[] }> {
    return inTransaction(this.em, async (tx) => {
      const em = tx as EntityManager;
      const now = this.clock.now();
      const shift = await ClaimStore.in(em).lockShift(communityId, id);
      if (shift.status === 'cancelled') return { shift, affected: [] };
      const claims = await em.find(Claim, { shift, status: { $in: ['confirmed', 'waitlisted'] } });
      for (const claim of claims) {
        claim.status = 'cancelled';
        claim.cancelledAt = now;
      }
      await em.nativeUpdate(
        'OrganisationReservation',
        { shift: shift.id, status: 'active' },
        { status: 'cancelled' },
      );
      shift.status = 'cancelled';
      shift.cancelReason = reason;
      shift.confirmedCount = 0;
      shift.heldCount = 0;
      shift.version += 1;
      const affected = claims.map((c) => c.person.id);
      recordEvents(em, [shiftEvent(shift, 'ShiftCancelled', now, { reason, affectedPersonIds: affected })]);
      await em.flush();
      return { shift, affected };
    });
  }

  /** The estate must be one of the community's (identity's read port). */
  private async assertEstate(communityId: string, estateId: string): Promise<void> {
    if (!(await this.identity.estate(communityId, estateId)))
      throw new DomainError('REFERENCE_INVALID', 'estateId names no estate of this community', [
        { field: 'estateId', message: 'no such estate' },
      ]);
  }
}

function assertTimes(details: { startsAt: Date; endsAt: Date }): void {
  if (!(details.endsAt > details.startsAt)) {
    throw new DomainError('VALIDATION_FAILED', 'endsAt must be after startsAt', [
      { field: 'endsAt', message: 'must be after startsAt' },
    ]);
  }
  if (details.endsAt.getTime() - details.startsAt.getTime() > 24 * 3600_000) {
    throw new DomainError('VALIDATION_FAILED', 'a shift lasts at most 24 hours', [
      { field: 'endsAt', message: 'at most 24 h after startsAt' },
    ]);
  }
}
