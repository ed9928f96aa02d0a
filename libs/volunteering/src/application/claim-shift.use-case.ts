import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, RequiredEntityData, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Actor, Clock, DomainError, forbidden, inTransaction, isTransient } from '@linli/platform';
import { decideClaim } from '../domain/claim-rules';
import { Claim, ClaimSource } from '../infra/claim.entity';
import { effectiveRules } from './effective-rules';
import { lockPerson, lockShift, nearbyShifts, personFacts, shiftFacts } from './claim-facts';
import { shiftEvent } from './shift-events';
import { recordEvents } from '@linli/platform';

/**
 * A person takes a place on a shift: confirmed while places are free, waitlisted after (until the
 * cut-off). Volunteers claim for themselves; organisers may place anyone. The shift row lock
 * serialises claims on one shift, the counter's CHECK makes overbooking impossible anyway, and the
 * partial unique index and EXCLUDE constraint catch double and overlapping claims.
 */
@Injectable()
export class ClaimShiftUseCase {
  constructor(
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, shiftId: string, personId?: string): Promise<Claim> {
    const { person, source } = this.whoFor(actor, personId);
    try {
      return await inTransaction(this.em, async (em) => {
        const now = this.clock.now();
        const shift = await lockShift(em as EntityManager, actor.communityId, shiftId);
        await lockPerson(em as EntityManager, person);
        const facts = await personFacts(em as EntityManager, actor.communityId, person);
        if (!facts)
          throw new DomainError('REFERENCE_INVALID', 'personId names nobody in this community', [
            { field: 'body.personId', message: 'no such person' },
          ]);
        const active = await em.count(Claim, { shift, person, status: { $in: ['confirmed', 'waitlisted'] } });
        if (active)
          throw new DomainError(
            'ALREADY_CLAIMED',
            `已在「${shift.title}」中 · already on this shift or its waitlist`,
          );
        const rules = await effectiveRules(em, actor.communityId, shift);
        const decision = decideClaim({
          now,
          shift: shiftFacts(shift),
          person: facts,
          nearby: await nearbyShifts(em as EntityManager, actor.communityId, person, shift),
          rules,
          byOrganiser: actor.role === 'organiser',
        });
        const claim = em.create(Claim, {
          community: actor.communityId,
          shift,
          person,
          status: decision === 'confirm' ? 'confirmed' : 'waitlisted',
          source,
          createdBy: actor.accountId,
          startsAt: shift.startsAt,
          endsAt: shift.endsAt,
        } as RequiredEntityData<Claim>);
        if (decision === 'confirm') shift.confirmedCount += 1;
        recordEvents(em, [
          shiftEvent(shift, decision === 'confirm' ? 'ClaimConfirmed' : 'ClaimWaitlisted', now, {
            claimId: claim.id,
            personId: person,
          }),
        ]);
        await em.flush();
        return claim;
      });
    } catch (error) {
      throw translateConstraint(error);
    }
  }

  private whoFor(actor: Actor, personId?: string): { person: string; source: ClaimSource } {
    if (actor.role === 'organiser') {
      const person = personId ?? actor.personId;
      if (!person)
        throw new DomainError('VALIDATION_FAILED', 'personId is required', [
          { field: 'body.personId', message: 'required' },
        ]);
      return { person, source: person === actor.personId ? 'self' : 'organiser' };
    }
    if (personId && personId !== actor.personId) {
      throw forbidden(
        'Volunteers claim for themselves; coordinators place members through their organisation’s reservation',
      );
    }
    if (!actor.personId) throw forbidden('This account has no person to claim for');
    return { person: actor.personId, source: 'self' };
  }
}

/** Database guards that fired although the checks passed (a race): coded answers, never a 500. */
export function translateConstraint(error: unknown): unknown {
  if (error instanceof UniqueConstraintViolationException) {
    return new DomainError('ALREADY_CLAIMED', 'already on this shift or its waitlist');
  }
  const code = (error as { code?: string }).code;
  if (code === '23P01')
    return new DomainError('CLAIM_OVERLAPS', 'overlaps another confirmed shift of this person');
  if (code === '23514' && String((error as Error).message).includes('shift_counts_within_capacity')) {
    return new DomainError('SHIFT_FULL', 'the shift is full');
  }
  if (isTransient(error)) return new DomainError('SERVICE_UNAVAILABLE', 'busy: please retry');
  return error;
}
