import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { Actor, Clock, inTransaction, notFound, recordEvents, scopeToCommunity } from '@linli/platform';
import {
  AttendanceOutcome,
  CHECKOUT_CLOSES_MINUTES_AFTER,
  assertAttendanceRecordable,
  creditedMinutes,
  decideAttendance,
} from '../../domain/attendance';
import { AttendanceQueries } from '../../infra/attendance.queries';
import { Claim } from '../../infra/claim.entity';
import { ClaimStore } from '../../infra/claim-store';
import { translateConstraint } from '../../infra/constraint-errors';
import { shiftEvent } from '../shifts/shift-events';

const MINUTE = 60_000;

/**
 * An organiser's word on who came: attended (credited the planned time by default, or the
 * checked-in time) or no-show (nothing). It may correct an earlier record. Places stay counted
 * in the shift's confirmed_count: the place was taken, whether or not the person came.
 */
@Injectable()
export class AttendanceUseCase {
  constructor(
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async record(
    actor: Actor,
    claimId: string,
    input: { outcome: AttendanceOutcome; creditPlannedTime?: boolean },
  ): Promise<Claim> {
    try {
      return await inTransaction(this.em, async (tx) => {
        const em = tx as EntityManager;
        const now = this.clock.now();
        const found = await em.findOne(Claim, { id: claimId, community: actor.communityId });
        if (!found) throw notFound('Claim');
        const shift = await ClaimStore.in(em).lockShift(actor.communityId, found.shift.id);
        const claim = await em.refresh(found);
        if (!claim) throw notFound('Claim');
        assertAttendanceRecordable(now, shift);
        const decision = decideAttendance({
          status: claim.status,
          outcome: input.outcome,
          creditPlannedTime: input.creditPlannedTime ?? true,
          shiftStart: shift.startsAt,
          shiftEnd: shift.endsAt,
          checkedInAt: claim.checkedInAt,
          checkedOutAt: claim.checkedOutAt,
        });
        claim.status = decision.status;
        claim.creditedMinutes = decision.creditedMinutes;
        claim.attendanceRecordedBy = actor.accountId;
        claim.attendanceRecordedAt = now;
        recordEvents(em, [
          shiftEvent(shift, decision.status === 'completed' ? 'ClaimCompleted' : 'ClaimMarkedNoShow', now, {
            claimId: claim.id,
            personId: claim.person.id,
            creditedMinutes: decision.creditedMinutes,
          }),
        ]);
        await em.flush();
        return claim;
      });
    } catch (error) {
      throw translateConstraint(error);
    }
  }

  /**
   * Worker tick: people who checked in and never checked out are completed once check-out has
   * closed, credited until the shift's end. One claim per transaction; SKIP LOCKED lets several
   * workers share the work.
   */
  async closeOpenCheckIns(limit = 100): Promise<number> {
    const closedBefore = new Date(this.clock.now().getTime() - CHECKOUT_CLOSES_MINUTES_AFTER * MINUTE);
    const due = await AttendanceQueries.in(this.em.fork()).openCheckInsEndedBefore(closedBefore, limit);
    let closed = 0;
    for (const row of due) {
      closed += await inTransaction(this.em, async (tx) => {
        const em = tx as EntityManager;
        scopeToCommunity(em, row.communityId);
        const now = this.clock.now();
        const shift = await ClaimStore.in(em).lockShift(row.communityId, row.shiftId);
        const claim = await em.findOne(
          Claim,
          { id: row.id, status: 'confirmed', checkedInAt: { $ne: null } },
          { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
        );
        if (!claim) return 0;
        claim.status = 'completed';
        claim.creditedMinutes = creditedMinutes({
          shiftStart: shift.startsAt,
          shiftEnd: shift.endsAt,
          checkedInAt: claim.checkedInAt,
          checkedOutAt: null,
          confirmedByOrganiser: false,
        });
        recordEvents(em, [
          shiftEvent(shift, 'ClaimCompleted', now, {
            claimId: claim.id,
            personId: claim.person.id,
            creditedMinutes: claim.creditedMinutes,
            closedWithoutCheckOut: true,
          }),
        ]);
        await em.flush();
        return 1;
      });
    }
    return closed;
  }
}
