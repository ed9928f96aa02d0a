import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { Clock, DomainError, TENANT_FILTER, inTransaction, recordEvents } from '@linli/platform';
import { Claim } from '../../infra/claim.entity';
import { OrganisationReservation } from '../../infra/organisation-reservation.entity';
import { Shift } from '../../infra/shift.entity';
import {
  BulkOutcome,
  ShiftRange,
  assertBulkSize,
  bulkSelection,
  MAX_BULK_SHIFTS,
} from './bulk-shift-selection';
import { translateConstraint } from '../../infra/constraint-errors';
import { shiftEvent } from '../shifts/shift-events';

const MINUTE = 60_000;

/**
 * Moves every open shift in a time range at a place later by the same duration, all or nothing:
 * one transaction locks the shifts, moves them with their claims (confirmed and waitlisted) and
 * their organisations' release times, bumps each version and records a ShiftChanged event naming
 * everyone affected. If the move would give anyone two overlapping confirmed shifts, the
 * database's EXCLUDE constraint refuses and nothing moves.
 *
 * This is ShiftsService.change's move for many shifts at once; it cannot call change() because
 * each change() commits on its own.
 */
@Injectable()
export class BulkPostponeShiftsUseCase {
  constructor(
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(
    communityId: string,
    range: ShiftRange,
    byMinutes: number,
    reason: string,
  ): Promise<BulkOutcome[]> {
    if (!Number.isInteger(byMinutes) || byMinutes < 1)
      throw new DomainError('VALIDATION_FAILED', 'byMinutes must be a positive whole number', [
        { field: 'byMinutes', message: 'at least 1' },
      ]);
    const offset = byMinutes * MINUTE;
    try {
      return await inTransaction(this.em, async (tx) => {
        const em = tx as EntityManager;
        const now = this.clock.now();
        // A new object each time: find() adds to the options it is given.
        const scope = () => ({ filters: { [TENANT_FILTER]: { communityId } } });
        // Latest first: moving later, no claim ever passes through a neighbour that has not moved
        // yet, so the (row-by-row) EXCLUDE check only fires for overlaps in the final state.
        const shifts = await em.find(Shift, bulkSelection(communityId, range, now), {
          ...scope(),
          lockMode: LockMode.PESSIMISTIC_WRITE,
          orderBy: { startsAt: 'desc', id: 'asc' },
          limit: MAX_BULK_SHIFTS + 1,
        });
        assertBulkSize(shifts.length);
        if (!shifts.length) return [];
        const claims = await em.find(
          Claim,
          { shift: { $in: shifts }, status: { $in: ['confirmed', 'waitlisted'] } },
          scope(),
        );
        const reservations = await em.find(
          OrganisationReservation,
          { shift: { $in: shifts }, status: 'active' },
          scope(),
        );
        for (const reservation of reservations)
          reservation.releaseAt = new Date(reservation.releaseAt.getTime() + offset);
        const outcomes: BulkOutcome[] = [];
        for (const shift of shifts) {
          const previous = { startsAt: shift.startsAt, endsAt: shift.endsAt };
          shift.startsAt = new Date(previous.startsAt.getTime() + offset);
          shift.endsAt = new Date(previous.endsAt.getTime() + offset);
          shift.version += 1;
          if (shift.series) shift.editedByHand = true;
          await em.nativeUpdate(
            Claim,
            { shift, status: { $in: ['confirmed', 'waitlisted'] } },
            { startsAt: shift.startsAt, endsAt: shift.endsAt },
          );
          const affectedPersonIds = claims.filter((c) => c.shift.id === shift.id).map((c) => c.person.id);
          recordEvents(em, [
            shiftEvent(shift, 'ShiftChanged', now, {
              moved: true,
              relocated: false,
              reason,
              postponedByMinutes: byMinutes,
              previousStartsAt: previous.startsAt.toISOString(),
              previousEndsAt: previous.endsAt.toISOString(),
              affectedPersonIds,
            }),
          ]);
          outcomes.push({ shift, affectedPersonIds, previous });
        }
        await em.flush();
        // Earliest first in the answer, as on the board.
        return outcomes.reverse();
      });
    } catch (error) {
      throw translateConstraint(error, {
        claim_no_overlapping_confirmed: () =>
          new DomainError(
            'CLAIM_OVERLAPS',
            '推迟后会与某位志愿者的其他班次时间重叠，未做任何更改 · postponing would overlap another confirmed shift of someone on these shifts; nothing was changed',
          ),
      });
    }
  }
}
