import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, FilterQuery, LockMode, RequiredEntityData } from '@mikro-orm/postgresql';
import { Actor, Clock, DomainError, findPage, forbidden, inTransaction, notFound } from '@linli/platform';
import { defaultScopeId, maySubscribe } from '../domain/subscription-policy';
import type { SubscriptionScope } from '../domain/subscription-scope';
import { CalendarSubscription } from '../infra/calendar-subscription.entity';
import { CalendarScopeRegistry } from './calendar-scope-registry';
import { hashFeedToken, newFeedToken } from './feed-token';
import type { CreateSubscriptionRequest, ListSubscriptionsQuery } from '../api/calendar-subscription.schema';

/** A subscription together with its token: exists only in the answer to create and rotate. */
export interface IssuedSubscription {
  subscription: CalendarSubscription;
  token: string;
}

/** 'estate' -> 'Estate', for "Estate not found". */
const scopeNoun = (kind: string) => kind.charAt(0).toUpperCase() + kind.slice(1).replace(/-/g, ' ');

/**
 * Personal feed URLs: made, listed, rotated and revoked. Volunteers and coordinators see and
 * change their own; organisers all of their community's. One someone may not see answers 404.
 */
@Injectable()
export class CalendarSubscriptionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly scopes: CalendarScopeRegistry,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: CreateSubscriptionRequest): Promise<IssuedSubscription> {
    if (!this.scopes.serves(input.scope.kind)) {
      throw new DomainError('VALIDATION_FAILED', `There is no ${input.scope.kind} calendar`, [
        { field: 'scope.kind', message: `one of: ${this.scopes.kinds().join(', ')}` },
      ]);
    }
    const id = input.scope.id ?? defaultScopeId(actor, input.scope.kind);
    if (id === undefined) {
      throw new DomainError('VALIDATION_FAILED', `Name the ${input.scope.kind} to subscribe to`, [
        { field: 'scope.id', message: 'required for this scope' },
      ]);
    }
    const scope: SubscriptionScope = { kind: input.scope.kind, id };
    this.assertMaySubscribe(actor, scope);
    if (!(await this.scopes.exists(actor.communityId, scope.kind, scope.id))) {
      throw notFound(scopeNoun(scope.kind));
    }
    return inTransaction(this.em, async (em) =>
      this.issue(em as EntityManager, actor.communityId, scope, actor.accountId, input.label ?? null),
    );
  }

  list(actor: Actor, query: ListSubscriptionsQuery) {
    const where: FilterQuery<CalendarSubscription> & Record<string, unknown> = {
      community: actor.communityId,
    };
    if (actor.role !== 'organiser') where.ownerAccount = actor.accountId;
    if (!query.includeRevoked) where.revokedAt = null;
    return findPage(this.em, CalendarSubscription, where, query);
  }

  /** A new URL for the same calendar; the old one is revoked (empty calendar, then 410). */
  async rotate(actor: Actor, id: string): Promise<IssuedSubscription> {
    return inTransaction(this.em, async (tx) => {
      const em = tx as EntityManager;
      const old = await this.visible(em, actor, id, LockMode.PESSIMISTIC_WRITE);
      if (old.revokedAt) throw new DomainError('CONFLICT', 'The subscription is revoked; make a new one');
      const scope: SubscriptionScope = { kind: old.scopeKind, id: old.scopeId };
      this.assertMaySubscribe(actor, scope);
      old.revokedAt = this.clock.now();
      return this.issue(em, actor.communityId, scope, old.ownerAccount.id, old.label ?? null, old);
    });
  }

  /** Idempotent: revoking a revoked subscription answers it unchanged. */
  async revoke(actor: Actor, id: string): Promise<CalendarSubscription> {
    return inTransaction(this.em, async (tx) => {
      const subscription = await this.visible(tx as EntityManager, actor, id, LockMode.PESSIMISTIC_WRITE);
      subscription.revokedAt ??= this.clock.now();
      return subscription;
    });
  }

  private async issue(
    em: EntityManager,
    communityId: string,
    scope: SubscriptionScope,
    ownerAccountId: string,
    label: string | null,
    rotatedFrom?: CalendarSubscription,
  ): Promise<IssuedSubscription> {
    const token = newFeedToken();
    const subscription = em.create(CalendarSubscription, {
      community: communityId,
      scopeKind: scope.kind,
      scopeId: scope.id,
      // By id: the account is identity's entity, referenced, never loaded here.
      ownerAccount: ownerAccountId,
      tokenHash: hashFeedToken(token),
      label,
      rotatedFrom,
      createdAt: this.clock.now(),
    } as unknown as RequiredEntityData<CalendarSubscription>);
    await em.flush();
    return { subscription, token };
  }

  private async visible(
    em: EntityManager,
    actor: Actor,
    id: string,
    lockMode?: LockMode,
  ): Promise<CalendarSubscription> {
    const subscription = await em.findOne(
      CalendarSubscription,
      { id, community: actor.communityId },
      { lockMode },
    );
    if (!subscription || (actor.role !== 'organiser' && subscription.ownerAccount.id !== actor.accountId)) {
      throw notFound('Calendar subscription');
    }
    return subscription;
  }

  private assertMaySubscribe(actor: Actor, scope: SubscriptionScope): void {
    const decision = maySubscribe(actor, scope);
    if (!decision.allowed) throw forbidden(decision.reason);
  }
}
