import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Actor, Clock, DomainError, forbidden, inTransaction, isTransient, notFound } from '@linli/platform';
import { decideClaim } from '../domain/claim-rules';
import type { ClaimSource } from '../infra/claim.entity';
import { lockPerson } from './claim-facts';
import { ClaimRow, ClaimStore } from '../infra/claim-store';
import { shiftEventPayload } from './shift-events';

/**
 * A person takes a place on a shift: confirmed while places are free, waitlisted after (until the
 * cut-off). Volunteers claim for themselves; organisers may place anyone. A place is taken by one
 * conditional UPDATE of the shift's counter (its CHECK makes overbooking impossible anyway), so
 * the shift row is locked only for the last statements; the partial unique index and the EXCLUDE
 * constraint catch double and overlapping claims that race past the checks.
 */
@Injectable()
export class ClaimShiftUseCase {
  constructor(
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, shiftId: string, personId?: string): Promise<ClaimRow> {
    const { person, source } = this.whoFor(actor, personId);
    try {
      return await inTransaction(this.em, async (tx) => {
        const store = new ClaimStore(tx as EntityManager);
        const now = this.clock.now();
        // The person's own claims are serialised (day and week limits); different people never wait here.
        await lockPerson(tx as EntityManager, person);
        const context = await store.context(actor.communityId, shiftId, person);
        if (!context) throw notFound('Shift');
        const { shift } = context;
        if (!context.person) {
          throw new DomainError('REFERENCE_INVALID', 'personId names nobody in this community', [
            { field: 'body.personId', message: 'no such person' },
          ]);
        }
        if (context.alreadyActive)
          throw new DomainError(
            'ALREADY_CLAIMED',
            `已在「${shift.title}」中 · already on this shift or its waitlist`,
          );
        const rules = {
          ...context.settings,
          signupOpensDays: shift.signupOpensDays ?? context.settings.signupOpensDays,
          cancelCutoffMinutes: shift.cancelCutoffMinutes ?? context.settings.cancelCutoffMinutes,
        };
        const decide = (counters = shift) =>
          decideClaim({
            now,
            shift: { ...shift, ...counters },
            person: context.person!,
            nearby: context.nearby,
            rules,
            byOrganiser: actor.role === 'organiser',
          });
        decide();
        // A free place is taken by one statement; only when none is left is the row locked to decide.
        let confirmed = await store.takePlace(shift.id);
        if (!confirmed)
          confirmed =
            decide({ ...shift, ...(await store.lockCounters(shift.id)) }) === 'confirm' &&
            (await store.takePlace(shift.id));
        return store.insertWithEvent({
          communityId: actor.communityId,
          shiftId: shift.id,
          personId: person,
          status: confirmed ? 'confirmed' : 'waitlisted',
          source,
          createdBy: actor.accountId,
          startsAt: shift.startsAt,
          endsAt: shift.endsAt,
          event: {
            type: confirmed ? 'ClaimConfirmed' : 'ClaimWaitlisted',
            version: shift.version,
            occurredAt: now,
            payload: shiftEventPayload(shift, { personId: person }),
          },
        });
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
