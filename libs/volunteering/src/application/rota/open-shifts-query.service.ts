import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Actor, Clock, DomainError, forbidden, notFound } from '@linli/platform';
import { IdentityDirectory } from '@linli/identity';
import { ClaimDecision, NearbyShift, decideClaim } from '../../domain/claim-rules';
import { ClaimStore, shiftFactsOf } from '../../infra/claim-store';
import { Shift } from '../../infra/shift.entity';
import { EffectiveRules, effectiveRules } from '../claims/effective-rules';

const DAY = 24 * 60 * 60_000;
/** ClaimStore.nearbyShifts looks this far either side of a shift (day, week and rest rules need no more). */
const NEIGHBOURHOOD = 8 * DAY;
export const OPEN_SHIFTS_DEFAULT_DAYS = 14;
export const OPEN_SHIFTS_MAX_DAYS = 62;
/** Candidates read per request; the rules then run in memory on each. */
const MAX_CANDIDATES = 1000;

export interface OpenShiftsRequest {
  personId?: string;
  from?: Date;
  to?: Date;
  limit: number;
}

export interface OpenShift {
  shift: Shift;
  /** What a claim would give now: a place, or a place on the waitlist. */
  outcome: 'confirmed' | 'waitlisted';
}

/**
 * Shifts a person may claim right now. SQL narrows to open shifts in the window; the claim rules
 * themselves (decideClaim: gates, sign-up window, full/waitlist, overlaps, rest, day and week
 * limits) run in memory, so the list and a claim can never disagree about a rule.
 */
@Injectable()
export class OpenShiftsQueryService {
  constructor(
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
    private readonly identity: IdentityDirectory,
  ) {}

  async forPerson(
    actor: Actor,
    query: OpenShiftsRequest,
  ): Promise<{ personId: string; from: Date; to: Date; items: OpenShift[]; truncated: boolean }> {
    const now = this.clock.now();
    const personId = await this.whoFor(actor, query.personId);
    const from = query.from && query.from > now ? query.from : now;
    const to = query.to ?? new Date(from.getTime() + OPEN_SHIFTS_DEFAULT_DAYS * DAY);
    if (to.getTime() - from.getTime() > OPEN_SHIFTS_MAX_DAYS * DAY)
      throw new DomainError('VALIDATION_FAILED', `the window is at most ${OPEN_SHIFTS_MAX_DAYS} days`, [
        { field: 'to', message: `at most ${OPEN_SHIFTS_MAX_DAYS} days after from` },
      ]);
    const store = ClaimStore.in(this.em);
    const person = await store.personFacts(actor.communityId, personId);
    if (!person) throw notFound('Person');
    if (to <= from) return { personId, from, to, items: [], truncated: false };
    const base = await effectiveRules(this.em, actor.communityId);
    const candidates = await this.em.find(
      Shift,
      { community: actor.communityId, status: 'open', startsAt: { $gt: from, $lt: to } },
      { orderBy: { startsAt: 'asc', id: 'asc' }, limit: MAX_CANDIDATES },
    );
    // The person's claims around the window (for overlaps and limits).
    const claims = await store.activeClaims(
      actor.communityId,
      personId,
      new Date(from.getTime() - NEIGHBOURHOOD),
      new Date(to.getTime() + NEIGHBOURHOOD),
    );
    const onShift = new Set(claims.map((claim) => claim.shiftId));
    const confirmed: NearbyShift[] = claims.filter((claim) => claim.status === 'confirmed');
    const items: OpenShift[] = [];
    for (const shift of candidates) {
      if (onShift.has(shift.id)) continue;
      const decision = tryClaim(() =>
        decideClaim({
          now,
          shift: shiftFactsOf(shift),
          person,
          nearby: confirmed.filter(
            (other) =>
              other.startsAt.getTime() < shift.endsAt.getTime() + NEIGHBOURHOOD &&
              other.endsAt.getTime() > shift.startsAt.getTime() - NEIGHBOURHOOD,
          ),
          rules: withShiftOverrides(base, shift),
        }),
      );
      if (decision) items.push({ shift, outcome: decision === 'confirm' ? 'confirmed' : 'waitlisted' });
      if (items.length > query.limit) break;
    }
    const truncated = items.length > query.limit || candidates.length === MAX_CANDIDATES;
    return { personId, from, to, items: items.slice(0, query.limit), truncated };
  }

  /** Volunteers ask for themselves; coordinators for themselves or their members; organisers for anyone. */
  private async whoFor(actor: Actor, personId?: string): Promise<string> {
    const self = actor.personId;
    if (!personId || personId === self) {
      if (!self)
        throw new DomainError('VALIDATION_FAILED', 'personId is required', [
          { field: 'personId', message: 'required' },
        ]);
      return self;
    }
    if (actor.role === 'organiser') return personId;
    if (actor.role === 'coordinator' && actor.organisationId) {
      if (await this.identity.isActiveMember(actor.communityId, personId, actor.organisationId))
        return personId;
      throw forbidden('Coordinators see open shifts for members of their organisation');
    }
    throw forbidden('Volunteers see open shifts for themselves');
  }
}

/** effectiveRules for many shifts from one read of the community's settings. */
function withShiftOverrides(base: EffectiveRules, shift: Shift): EffectiveRules {
  return {
    ...base,
    signupOpensDays: shift.signupOpensDays ?? base.signupOpensDays,
    cancelCutoffMinutes: shift.cancelCutoffMinutes ?? base.cancelCutoffMinutes,
    releaseLeadMinutes: shift.releaseLeadMinutes ?? base.releaseLeadMinutes,
  };
}

/** A refusal is an answer here ("not for you"), not an error. */
function tryClaim(decide: () => ClaimDecision): ClaimDecision | undefined {
  try {
    return decide();
  } catch (error) {
    if (error instanceof DomainError) return undefined;
    throw error;
  }
}
