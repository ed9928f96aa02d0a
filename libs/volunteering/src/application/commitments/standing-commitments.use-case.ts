import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager, RequiredEntityData } from '@mikro-orm/postgresql';
import { RequestContext } from '@mikro-orm/core';
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
import { ZoneRules } from '@linli/recurrence';
import { Shift } from '../../infra/shift.entity';
import { ShiftSeries } from '../../infra/shift-series.entity';
import { StandingCommitment } from '../../infra/standing-commitment.entity';
import { StandingCommitmentQueries, type OutcomeRow } from '../../infra/standing-commitment.queries';
import { translateConstraint } from '../../infra/constraint-errors';
import { ClaimShiftUseCase } from '../claims/claim-shift.use-case';
import { CancelClaimUseCase } from '../claims/cancel-claim.use-case';
import { ReservationsUseCase } from '../reservations/reservations.use-case';
import { shiftEvent } from '../shifts/shift-events';

export interface CommitmentInput {
  /** A person's commitment: the volunteer themself, or anyone an organiser names. */
  personId?: string;
  /** An organisation's block: its coordinator, or an organiser. */
  organisationId?: string;
  places?: number;
  /** Local date (YYYY-MM-DD, the series' zone) from which occurrences are covered; today if absent. */
  from?: string;
}

export interface CommitmentView {
  commitment: StandingCommitment;
  outcomes: OutcomeRow[];
}

export interface EndedCommitment extends CommitmentView {
  /** Occurrences whose place (or block) was given back. */
  released: { shiftId: string; startsAt: Date }[];
  /** Future places kept, with why (e.g. inside the cancellation cut-off). */
  kept: { shiftId: string; startsAt: Date; code: string }[];
}

/** Occurrences one pass acts on at most (a daily series over an 8-week horizon is 56). */
const APPLY_BATCH = 200;
/** Refusals that say the place is the person's (or organisation's) already: nothing to announce. */
const ALREADY = new Set(['ALREADY_CLAIMED', 'ALREADY_EXISTS']);

/**
 * Standing commitments (docs/decisions/0014): a volunteer claims a series (all of it, or from a
 * date), a coordinator reserves a block across it. Each occurrence gets the claim or the block
 * through the ordinary use cases (ClaimShiftUseCase, ReservationsUseCase), so the usual rules and
 * locks apply; a person's claim waits until the occurrence's sign-up opens. What happened on each
 * occurrence is recorded once (standing_commitment_outcome); a refusal also publishes
 * CommitmentRefused for a notice. Ending one releases the future places it took.
 */
@Injectable()
export class StandingCommitmentsUseCase {
  private readonly logger = new Logger(StandingCommitmentsUseCase.name);

  constructor(
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
    private readonly claims: ClaimShiftUseCase,
    private readonly cancels: CancelClaimUseCase,
    private readonly reservations: ReservationsUseCase,
  ) {}

  async commit(actor: Actor, seriesId: string, input: CommitmentInput): Promise<CommitmentView> {
    const who = this.whoFor(actor, input);
    const now = this.clock.now();
    let commitment: StandingCommitment;
    try {
      commitment = await inTransaction(this.em, async (tx) => {
        const em = tx as EntityManager;
        const series = await em.findOne(ShiftSeries, { id: seriesId, community: actor.communityId });
        if (!series) throw notFound('Shift series');
        if (series.endedAt && series.endedAt <= now)
          throw new DomainError('SERIES_ENDED', 'the series has ended');
        const created = em.create(StandingCommitment, {
          community: actor.communityId,
          series,
          person: who.personId ?? null,
          organisation: who.organisationId ?? null,
          places: who.places,
          fromAt: fromInstant(input.from, series.timeZone, now),
          createdBy: actor.accountId,
          createdByRole: actor.role,
        } as RequiredEntityData<StandingCommitment>);
        await em.flush();
        return created;
      });
    } catch (error) {
      const translated = translateConstraint(error);
      if (translated instanceof DomainError && translated.code === 'ALREADY_EXISTS')
        throw new DomainError('ALREADY_EXISTS', 'there is already a standing commitment for this series');
      throw translated;
    }
    await this.apply(actor.communityId, commitment.id);
    return this.view(actor, commitment.id);
  }

  async get(actor: Actor, id: string): Promise<CommitmentView> {
    return this.view(actor, id);
  }

  /**
   * Ends the commitment now: nothing more is claimed or reserved, and the places it took on
   * occurrences not yet started are given back under the usual rules (a volunteer inside the
   * cancellation cut-off keeps that one). Ending twice answers the first end.
   */
  async end(actor: Actor, id: string): Promise<EndedCommitment> {
    const now = this.clock.now();
    const commitment = await this.load(actor, id);
    const released: EndedCommitment['released'] = [];
    const kept: EndedCommitment['kept'] = [];
    if (commitment.endedAt) return { ...(await this.view(actor, id)), released, kept };
    const ended = await StandingCommitmentQueries.in(this.em.fork()).end(id, now);
    if (!ended) return { ...(await this.view(actor, id)), released, kept };
    const outcomes = await StandingCommitmentQueries.in(this.em.fork()).outcomes(id);
    for (const outcome of outcomes.filter((o) => o.startsAt > now)) {
      try {
        if (outcome.claimId) {
          await this.cancels.execute(actor, outcome.claimId, {
            reason: 'commitment_ended',
            commitmentId: id,
          });
        } else if (outcome.reservationId) {
          if (!(await this.reservations.releaseNow(actor, outcome.reservationId))) continue;
        } else continue;
        released.push({ shiftId: outcome.shiftId, startsAt: outcome.startsAt });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code !== 'CLAIM_NOT_ACTIVE')
          kept.push({ shiftId: outcome.shiftId, startsAt: outcome.startsAt, code: error.code });
      }
    }
    return { ...(await this.view(actor, id)), released, kept };
  }

  /** After a series materialised: its active commitments take the new occurrences. */
  async applyForSeries(communityId: string, seriesId: string): Promise<void> {
    const ids = await StandingCommitmentQueries.in(this.em.fork()).activeOfSeries(communityId, seriesId);
    for (const id of ids) {
      try {
        await this.apply(communityId, id);
      } catch (error) {
        // The shifts are committed; the worker's pass takes what this one could not.
        this.logger.warn({ err: error, commitmentId: id }, 'could not apply a standing commitment');
      }
    }
  }

  /** Worker pass: every active commitment takes what has become open to it (sign-up opened). */
  async applyDue(limit = 100): Promise<number> {
    const due = await StandingCommitmentQueries.in(this.em.fork()).active(limit);
    let applied = 0;
    for (const row of due) {
      try {
        // Its own unit of work, scoped to the commitment's community, as a request's would be.
        applied += await RequestContext.create(this.em.fork(), () => {
          scopeToCommunity(this.em, row.communityId);
          return this.apply(row.communityId, row.id);
        });
      } catch (error) {
        this.logger.warn({ err: error, commitmentId: row.id }, 'could not apply a standing commitment');
      }
      await StandingCommitmentQueries.in(this.em.fork()).touch(row.id);
    }
    return applied;
  }

  /**
   * Takes the commitment's place on each open occurrence from its start that it has not acted on,
   * earliest first, each in its own transaction (the ordinary use case's). A person's claim stops
   * at the first occurrence whose sign-up has not opened: the later ones have not either, and the
   * worker comes back. Answers how many occurrences it acted on.
   */
  async apply(communityId: string, commitmentId: string): Promise<number> {
    const em = this.em.fork();
    scopeToCommunity(em, communityId);
    const commitment = await em.findOne(StandingCommitment, { id: commitmentId, community: communityId });
    if (!commitment || commitment.endedAt) return 0;
    const queries = StandingCommitmentQueries.in(em);
    const from = new Date(Math.max(commitment.fromAt.getTime(), this.clock.now().getTime()));
    const shiftIds = await queries.shiftsToApply(
      communityId,
      commitment.series.id,
      commitment.id,
      from,
      APPLY_BATCH,
    );
    const actor = actorOf(commitment);
    let acted = 0;
    for (const shiftId of shiftIds) {
      const result = await this.takePlace(commitment, actor, shiftId);
      if (result === 'not_yet') break;
      if (result === 'skip') continue;
      acted += 1;
      const written = await queries.recordOutcome({
        communityId,
        commitmentId: commitment.id,
        shiftId,
        ...result,
      });
      if (written && result.outcome === 'refused' && !ALREADY.has(result.code ?? ''))
        await this.announceRefusal(commitment, shiftId, result.code!, result.detail ?? '');
    }
    return acted;
  }

  private async takePlace(
    commitment: StandingCommitment,
    actor: Actor,
    shiftId: string,
  ): Promise<
    | 'not_yet'
    | 'skip'
    | {
        outcome: 'confirmed' | 'waitlisted' | 'reserved' | 'refused';
        code?: string;
        detail?: string;
        claimId?: string;
        reservationId?: string;
      }
  > {
    try {
      if (commitment.person) {
        const claim = await this.claims.execute(actor, shiftId, commitment.person.id);
        const outcome = claim.status === 'waitlisted' ? 'waitlisted' : 'confirmed';
        return { outcome, claimId: claim.id };
      }
      const reservation = await this.reservations.reserve(actor, shiftId, {
        organisationId: commitment.organisation!.id,
        places: commitment.places,
      });
      return { outcome: 'reserved', reservationId: reservation.id };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'SIGNUP_NOT_OPEN') return 'not_yet';
      // Busy or gone meanwhile: the next pass tries again.
      if (error.code === 'SERVICE_UNAVAILABLE' || error.code === 'NOT_FOUND') return 'skip';
      return { outcome: 'refused', code: error.code, detail: error.message };
    }
  }

  private async announceRefusal(
    commitment: StandingCommitment,
    shiftId: string,
    code: string,
    detail: string,
  ): Promise<void> {
    await inTransaction(this.em.fork(), async (tx) => {
      const em = tx as EntityManager;
      const shift = await em.findOne(Shift, { id: shiftId }, { filters: false });
      if (!shift) return;
      recordEvents(em, [
        shiftEvent(shift, 'CommitmentRefused', this.clock.now(), {
          commitmentId: commitment.id,
          ...(commitment.person ? { personId: commitment.person.id } : {}),
          ...(commitment.organisation ? { organisationId: commitment.organisation.id } : {}),
          code,
          detail,
        }),
      ]);
      await em.flush();
    });
  }

  private async view(actor: Actor, id: string): Promise<CommitmentView> {
    const commitment = await this.load(actor, id);
    const outcomes = await StandingCommitmentQueries.in(this.em.fork()).outcomes(id);
    return { commitment, outcomes };
  }

  /** The commitment, if the actor may see it: its person, its organisation's coordinator, organisers. */
  private async load(actor: Actor, id: string): Promise<StandingCommitment> {
    const commitment = await this.em
      .fork()
      .findOne(StandingCommitment, { id, community: actor.communityId }, { filters: false });
    const mine =
      commitment &&
      (actor.role === 'organiser' ||
        (commitment.person && commitment.person.id === actor.personId) ||
        (commitment.organisation &&
          actor.role === 'coordinator' &&
          commitment.organisation.id === actor.organisationId));
    if (!commitment || !mine) throw notFound('Standing commitment');
    return commitment;
  }

  private whoFor(
    actor: Actor,
    input: CommitmentInput,
  ): { personId?: string; organisationId?: string; places: number } {
    if (input.personId && input.organisationId)
      throw new DomainError('VALIDATION_FAILED', 'a person or an organisation, not both', [
        { field: 'organisationId', message: 'not with personId' },
      ]);
    if (input.organisationId) {
      if (
        actor.role === 'volunteer' ||
        (actor.role === 'coordinator' && actor.organisationId !== input.organisationId)
      )
        throw forbidden('Organisers, or the organisation’s own coordinator, reserve blocks');
      return { organisationId: input.organisationId, places: input.places ?? 1 };
    }
    if (input.places !== undefined && input.places !== 1)
      throw new DomainError('VALIDATION_FAILED', 'places is for an organisation’s block', [
        { field: 'places', message: 'only with organisationId' },
      ]);
    const personId = input.personId ?? actor.personId;
    if (actor.role !== 'organiser' && personId !== actor.personId)
      throw forbidden('Volunteers commit themselves; coordinators reserve blocks for their organisation');
    if (!personId) throw forbidden('This account has no person to commit');
    return { personId, places: 1 };
  }
}

/** The claims and reservations are made in the name (and role) of whoever made the commitment. */
function actorOf(commitment: StandingCommitment): Actor {
  return {
    accountId: commitment.createdBy,
    communityId: commitment.community.id,
    role: commitment.createdByRole,
    ...(commitment.person && commitment.createdByRole === 'volunteer'
      ? { personId: commitment.person.id }
      : {}),
    ...(commitment.organisation ? { organisationId: commitment.organisation.id } : {}),
  };
}

/** The start of local day `date` in `timeZone`, or now; never before now. */
function fromInstant(date: string | undefined, timeZone: string, now: Date): Date {
  if (!date) return now;
  const [y, m, d] = date.split('-').map(Number);
  const instant = ZoneRules.for(timeZone).resolve(Date.UTC(y, m - 1, d)).instant;
  return new Date(Math.max(instant, now.getTime()));
}
