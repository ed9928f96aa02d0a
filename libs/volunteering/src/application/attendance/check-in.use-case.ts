import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Actor, Clock, DomainError, forbidden, inTransaction, notFound, recordEvents } from '@linli/platform';
import {
  assertCheckInOpen,
  assertCheckOutOpen,
  checkInCodeMatches,
  checkInWindow,
  creditedMinutes,
} from '../../domain/attendance';
import { Claim } from '../../infra/claim.entity';
import { ClaimStore } from '../../infra/claim-store';
import { translateConstraint } from '../../infra/constraint-errors';
import { Shift } from '../../infra/shift.entity';
import { shiftEvent } from '../shifts/shift-events';

/** Who is being checked in: oneself with the code on site, or anyone's claim by an organiser. */
export type CheckInBy = { code: string } | { claimId: string };

/**
 * On-site attendance. A volunteer types (or scans) the shift's six-digit code; an organiser names
 * the claim. Check-in and check-out are idempotent for the same claim, so a double scan is
 * harmless. Check-out completes the claim with the checked-in time, clamped to the shift. The
 * shift row lock orders these against cancellation and changes of the same shift.
 */
@Injectable()
export class CheckInUseCase {
  constructor(
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  checkIn(actor: Actor, shiftId: string, by: CheckInBy): Promise<Claim> {
    return this.run(actor, shiftId, by, (em, shift, claim, now) => {
      if (claim.status === 'confirmed' && claim.checkedInAt) return claim;
      this.assertConfirmed(claim);
      assertCheckInOpen(now, shift);
      claim.checkedInAt = now;
      claim.checkedInBy = actor.accountId;
      return claim;
    });
  }

  checkOut(actor: Actor, shiftId: string, by: CheckInBy): Promise<Claim> {
    return this.run(actor, shiftId, by, (em, shift, claim, now) => {
      if (claim.status === 'completed' && claim.checkedOutAt) return claim;
      this.assertConfirmed(claim);
      if (!claim.checkedInAt)
        throw new DomainError('NOT_CHECKED_IN', '请先签到 · check in first, or ask an organiser to confirm');
      assertCheckOutOpen(now, shift);
      // Never before the check-in (the database insists), even if clocks disagree.
      claim.checkedOutAt = new Date(Math.max(now.getTime(), claim.checkedInAt.getTime()));
      claim.checkedOutBy = actor.accountId;
      claim.status = 'completed';
      claim.creditedMinutes = creditedMinutes({
        shiftStart: shift.startsAt,
        shiftEnd: shift.endsAt,
        checkedInAt: claim.checkedInAt,
        checkedOutAt: claim.checkedOutAt,
        confirmedByOrganiser: false,
      });
      recordEvents(em, [
        shiftEvent(shift, 'ClaimCompleted', now, {
          claimId: claim.id,
          personId: claim.person.id,
          creditedMinutes: claim.creditedMinutes,
        }),
      ]);
      return claim;
    });
  }

  /** The code to show on site, and when it works. */
  async code(
    communityId: string,
    shiftId: string,
  ): Promise<{ shift: Shift; code: string; opensAt: Date; closesAt: Date }> {
    const shift = await this.em.fork().findOne(Shift, { id: shiftId, community: communityId });
    if (!shift) throw notFound('Shift');
    return { shift, code: shift.checkinCode, ...checkInWindow(shift) };
  }

  private async run(
    actor: Actor,
    shiftId: string,
    by: CheckInBy,
    act: (em: EntityManager, shift: Shift, claim: Claim, now: Date) => Claim,
  ): Promise<Claim> {
    if ('claimId' in by && actor.role !== 'organiser')
      throw forbidden('Organisers check others in; volunteers use the code shown on site');
    const personId = actor.personId;
    if ('code' in by && !personId) throw forbidden('This account has no person to check in');
    try {
      return await inTransaction(this.em, async (tx) => {
        const em = tx as EntityManager;
        const now = this.clock.now();
        const shift = await ClaimStore.in(em).lockShift(actor.communityId, shiftId);
        let claim: Claim;
        if ('code' in by && personId) {
          if (!checkInCodeMatches(by.code, shift.checkinCode))
            throw new DomainError('CHECKIN_CODE_INVALID', '签到码不正确 · the check-in code is wrong');
          if (shift.status === 'cancelled')
            throw new DomainError('SHIFT_CANCELLED', `「${shift.title}」已取消 · the shift is cancelled`);
          claim = await this.ownClaim(em, shift, personId);
        } else if ('claimId' in by) {
          const found = await em.findOne(Claim, { id: by.claimId, shift, community: actor.communityId });
          if (!found)
            throw new DomainError('REFERENCE_INVALID', 'claimId names no claim on this shift', [
              { field: 'claimId', message: 'no such claim on this shift' },
            ]);
          claim = found;
        } else throw forbidden();
        const result = act(em, shift, claim, now);
        await em.flush();
        return result;
      });
    } catch (error) {
      throw translateConstraint(error);
    }
  }

  /** The person's place on the shift: the confirmed claim, else the latest one that explains why not. */
  private async ownClaim(em: EntityManager, shift: Shift, personId: string): Promise<Claim> {
    const claims = await em.find(
      Claim,
      { shift, person: personId, status: { $ne: 'cancelled' } },
      { orderBy: { createdAt: 'desc' }, limit: 5 },
    );
    const claim = claims.find((c) => c.status === 'confirmed') ?? claims[0];
    if (!claim || claim.status === 'waitlisted') {
      throw new DomainError(
        'NOT_ON_SHIFT',
        claim
          ? '您在候补名单上，尚无确认名额 · you are on the waitlist, not confirmed'
          : '您没有认领该班次 · you have no place on this shift',
      );
    }
    return claim;
  }

  private assertConfirmed(claim: Claim): void {
    if (claim.status !== 'confirmed') {
      const why =
        claim.status === 'completed'
          ? '已签退 · already checked out'
          : claim.status === 'no_show'
            ? '已被记为缺席，请联系组织者 · marked as a no-show; ask an organiser'
            : `the claim is ${claim.status}`;
      throw new DomainError('CLAIM_NOT_ACTIVE', why);
    }
  }
}
