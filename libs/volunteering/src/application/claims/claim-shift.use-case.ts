import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Counter } from 'prom-client';
import {
  Actor,
  Clock,
  DomainError,
  forbidden,
  Metrics,
  notFound,
  Sql,
  SqlDatabase,
  type SqlTransactionOptions,
  isUuid,
} from '@linli/platform';
import { decideClaim } from '../../domain/claim-rules';
import type { ClaimSource } from '../../infra/claim.entity';
import { ClaimRow, ClaimStore } from '../../infra/claim-store';
import { translateConstraint } from '../../infra/constraint-errors';
import { shiftEventPayload } from '../shifts/shift-events';

/**
 * A person takes a place on a shift: confirmed while places are free, waitlisted after (until the
 * cut-off). Volunteers claim for themselves; organisers may place anyone. A place is taken by one
 * conditional UPDATE of the shift's counter (its CHECK makes overbooking impossible anyway), so
 * the shift row is locked only for the last statements; the partial unique index and the EXCLUDE
 * constraint catch double and overlapping claims that race past the checks. Locks in the store's
 * order: the person's (sent with BEGIN), then the shift row (the conditional UPDATE).
 */
@Injectable()
export class ClaimShiftUseCase {
  /** Refusals by code on /metrics: a rush shows as SHIFT_FULL, a rule set too tight as its code. */
  private readonly refusals: Counter<'code'>;

  constructor(
    private readonly db: SqlDatabase,
    @Inject(Clock) private readonly clock: Clock,
    metrics: Metrics,
  ) {
    this.refusals = metrics.counter({
      name: 'linli_claim_refusals_total',
      help: 'Claims refused, by error code (SHIFT_FULL, CLAIM_OVERLAPS, ALREADY_CLAIMED, ...)',
      labelNames: ['code'],
    });
  }

  async execute(actor: Actor, shiftId: string, personId?: string): Promise<ClaimRow> {
    try {
      const { person, source } = this.whoFor(actor, personId);
      const input: ClaimInput = { actor, shiftId, person, source, now: this.clock.now() };
      return await this.db.transaction(
        (sql, contextRows) => claimTransaction(sql, contextRows, input),
        claimTransactionOptions(input),
      );
    } catch (error) {
      const answer = translateConstraint(error);
      if (answer instanceof DomainError) this.refusals.inc({ code: answer.code });
      throw answer;
    }
  }

  private whoFor(actor: Actor, personId?: string): { person: string; source: ClaimSource } {
    if (actor.role === 'organiser') {
      const person = personId ?? actor.personId;
      if (!person)
        throw new DomainError('VALIDATION_FAILED', 'personId is required', [
          { field: 'personId', message: 'required' },
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

export interface ClaimInput {
  actor: Actor;
  shiftId: string;
  person: string;
  source: ClaimSource;
  now: Date;
}

/**
 * The first round trip of the claim transaction, sent with BEGIN: the person's lock (their own
 * claims are serialised for the day and week limits; different people never wait) and the
 * context, as statements each connection prepares once.
 */
export function claimTransactionOptions({ actor, shiftId, person }: ClaimInput): SqlTransactionOptions {
  return {
    firstStatements: ClaimStore.firstStatements(uuid(actor.communityId), uuid(shiftId), uuid(person)),
    prepared: ClaimStore.firstPrepared,
  };
}

/**
 * The rest of the claim transaction, on a SqlDatabase transaction opened with
 * claimTransactionOptions. The use case runs it behind HTTP; the claims benchmark runs the very same
 * transaction on a SqlDatabase of its own to measure what the API adds.
 */
export async function claimTransaction(
  sql: Sql,
  contextRows: Record<string, unknown>[],
  input: ClaimInput,
): Promise<ClaimRow> {
  const { actor, person, source, now } = input;
  const store = new ClaimStore(sql);
  const context = ClaimStore.context(contextRows);
  if (!context) throw notFound('Shift');
  const { shift } = context;
  if (!context.person) {
    throw new DomainError('REFERENCE_INVALID', 'personId names nobody in this community', [
      { field: 'personId', message: 'no such person' },
    ]);
  }
  if (context.alreadyActive) {
    throw new DomainError(
      'ALREADY_CLAIMED',
      `已在「${shift.title}」中 · already on this shift or its waitlist`,
    );
  }
  const rules = {
    ...context.settings,
    signupOpensDays: shift.signupOpensDays ?? context.settings.signupOpensDays,
    cancelCutoffMinutes: shift.cancelCutoffMinutes ?? context.settings.cancelCutoffMinutes,
  };
  const decide = (counters: Partial<typeof shift> = {}) =>
    decideClaim({
      now,
      shift: { ...shift, ...counters },
      person: context.person!,
      nearby: context.nearby,
      rules,
      byOrganiser: actor.role === 'organiser',
    });
  const first = decide();
  const id = randomUUID();
  const claim = (status: 'confirmed' | 'waitlisted') => ({
    id,
    communityId: actor.communityId,
    shiftId: shift.id,
    personId: person,
    status,
    source,
    createdBy: actor.accountId,
    startsAt: shift.startsAt,
    endsAt: shift.endsAt,
    event: {
      type: status === 'confirmed' ? 'ClaimConfirmed' : 'ClaimWaitlisted',
      version: shift.version,
      occurredAt: now,
      payload: shiftEventPayload(shift, status === 'confirmed' ? 'ClaimConfirmed' : 'ClaimWaitlisted', {
        claimId: id,
        personId: person,
      }),
    },
  });
  // Usually one statement records the claim and its event: taking a free place, or, when the
  // context saw none (a rush), joining the waitlist while the shift is still full under its lock.
  const done =
    first === 'confirm'
      ? await store.insert(claim('confirmed'), true)
      : await store.insertWaitlistedIfFull(claim('waitlisted'));
  if (done) return done;
  // The counters moved since the context was read: decide again under the row lock.
  const confirm = decide(await store.lockCounters(shift.id)) === 'confirm';
  if (confirm) await store.countConfirmed(shift.id);
  return (await store.insert(claim(confirm ? 'confirmed' : 'waitlisted'), false))!;
}

/** Only a UUID is ever inlined into SQL. */
function uuid(value: string): string {
  if (!isUuid(value)) throw new DomainError('VALIDATION_FAILED', 'not a UUID');
  return value;
}
