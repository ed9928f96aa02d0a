import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Actor, Clock, DomainError, forbidden, inTransaction, notFound, recordEvents } from '@linli/platform';
import {
  CHECKIN_ATTEMPT_LIMITS,
  CheckInAttemptsExceeded,
  acceptedCheckInCodes,
  assertCheckInOpen,
  assertCheckOutOpen,
  checkInCodeAccepted,
  checkInWindow,
  creditedMinutes,
  dailyCheckInCode,
  localDate,
} from '../../domain/attendance';
import { CheckInAttempts, checkInAttemptKeys } from '../../infra/check-in-attempts';
import { Claim } from '../../infra/claim.entity';
import { ClaimStore } from '../../infra/claim-store';
import { translateConstraint } from '../../infra/constraint-errors';
import { Shift } from '../../infra/shift.entity';
import { shiftEvent } from '../shifts/shift-events';

/** How a check-in or check-out goes: already done (idempotent), allowed now, and the change. */
interface Step {
  done(claim: Claim): boolean;
  check(shift: Shift, claim: Claim, now: Date): void;
  apply(em: EntityManager, shift: Shift, claim: Claim, now: Date): Claim;
}

/** A wrong code inside the transaction; counted once it has rolled back. */
class WrongCode extends Error {
  constructor(
    readonly personId: string,
    readonly shiftId: string,
  ) {
    super('wrong check-in code');
  }
}

/** Who is being checked in: oneself with the code on site, or anyone's claim by an organiser. */
export type CheckInBy = { code: string } | { claimId: string };

/**
 * On-site attendance. A volunteer types (or scans) the shift's six-digit code of the day; an organiser names
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
    return this.run(actor, shiftId, by, {
      done: (claim) => claim.status === 'confirmed' && !!claim.checkedInAt,
      check: (shift, claim, now) => {
        this.assertConfirmed(claim);
        assertCheckInOpen(now, shift);
      },
      apply: (em, shift, claim, now) => {
        claim.checkedInAt = now;
        claim.checkedInBy = actor.accountId;
        return claim;
      },
    });
  }

  checkOut(actor: Actor, shiftId: string, by: CheckInBy): Promise<Claim> {
    return this.run(actor, shiftId, by, {
      done: (claim) => claim.status === 'completed' && !!claim.checkedOutAt,
      check: (shift, claim, now) => {
        this.assertConfirmed(claim);
        if (!claim.checkedInAt)
          throw new DomainError(
            'NOT_CHECKED_IN',
            '请先签到 · check in first, or ask an organiser to confirm',
          );
        assertCheckOutOpen(now, shift);
      },
      apply: (em, shift, claim, now) => {
        // Never before the check-in (the database insists), even if clocks disagree.
        const checkedInAt = claim.checkedInAt ?? now; // checked above
        claim.checkedOutAt = new Date(Math.max(now.getTime(), checkedInAt.getTime()));
        claim.checkedOutBy = actor.accountId;
        claim.status = 'completed';
        claim.creditedMinutes = creditedMinutes({
          shiftStart: shift.startsAt,
          shiftEnd: shift.endsAt,
          checkedInAt,
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
      },
    });
  }

  /** Today's code (in the shift's zone) to show on site, and when check-in is open. */
  async code(
    communityId: string,
    shiftId: string,
  ): Promise<{ shift: Shift; code: string; opensAt: Date; closesAt: Date }> {
    const shift = await this.em.fork().findOne(Shift, { id: shiftId, community: communityId });
    if (!shift) throw notFound('Shift');
    const today = localDate(this.clock.now(), shift.timeZone);
    return { shift, code: dailyCheckInCode(shift.checkinSecret, today), ...checkInWindow(shift) };
  }

  /**
   * Order matters for the code: the person's place, then the window, then the attempt limits,
   * and only then the code, so a wrong code and a right one answer alike whenever the code could
   * not be used anyway (no place, a day early). A wrong code is counted after the transaction
   * rolled back, on its own connection.
   */
  private async run(actor: Actor, shiftId: string, by: CheckInBy, step: Step): Promise<Claim> {
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
          if (shift.status === 'cancelled')
            throw new DomainError('SHIFT_CANCELLED', `「${shift.title}」已取消 · the shift is cancelled`);
          claim = await this.ownClaim(em, shift, personId);
          const done = step.done(claim);
          if (!done) step.check(shift, claim, now);
          await this.assertCode(em, shift, personId, by.code, now);
          if (done) return claim;
        } else if ('claimId' in by) {
          const found = await em.findOne(Claim, { id: by.claimId, shift, community: actor.communityId });
          if (!found)
            throw new DomainError('REFERENCE_INVALID', 'claimId names no claim on this shift', [
              { field: 'claimId', message: 'no such claim on this shift' },
            ]);
          claim = found;
          if (step.done(claim)) return claim;
          step.check(shift, claim, now);
        } else throw forbidden();
        const result = step.apply(em, shift, claim, now);
        await em.flush();
        return result;
      });
    } catch (error) {
      if (error instanceof WrongCode) {
        const keys = checkInAttemptKeys(error.personId, error.shiftId);
        await CheckInAttempts.in(this.em.fork()).recordWrong([
          { key: keys.person, limit: CHECKIN_ATTEMPT_LIMITS.perPerson },
          { key: keys.shift, limit: CHECKIN_ATTEMPT_LIMITS.perShift },
        ]);
        throw new DomainError('CHECKIN_CODE_INVALID', '签到码不正确 · the check-in code is wrong');
      }
      throw translateConstraint(error);
    }
  }

  private async assertCode(em: EntityManager, shift: Shift, personId: string, code: string, now: Date) {
    const keys = checkInAttemptKeys(personId, shift.id);
    const blocked = await CheckInAttempts.in(em).blockedForSeconds([keys.person, keys.shift]);
    if (blocked > 0) throw new CheckInAttemptsExceeded(blocked);
    if (!checkInCodeAccepted(code, acceptedCheckInCodes(shift.checkinSecret, now, shift)))
      throw new WrongCode(personId, shift.id);
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
