import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ThrottlerStorage } from '@nestjs/throttler';
import {
  APP_CONFIG,
  AppConfig,
  Clock,
  DomainError,
  isUuid,
  notFound,
  scopeToCommunity,
} from '@linli/platform';
import { IdentityDirectory, type CommunityFacts } from '@linli/identity';
import type { FeedScope } from '../domain/calendar-entry';
import { feedMeta } from '../domain/feed-naming';
import { feedWindow } from '../domain/feed-window';
import { maySubscribe } from '../domain/subscription-policy';
import { toFeedScope } from '../domain/subscription-scope';
import { LAST_USED_RESOLUTION_MS, lastUsedIsStale, subscriptionState } from '../domain/subscription-state';
import {
  FeedSubscriptionsRepository,
  type FeedCommunity,
  type FeedSubscription,
} from '../infra/feed-subscriptions.repository';
import { FeedAssembler, type FeedRequest, type RenderedFeed } from './feed-assembler';
import { hashFeedToken, looksLikeFeedToken, tokenMatches } from './feed-token';

export type FeedAnswer =
  { kind: 'feed'; feed: RenderedFeed } | { kind: 'rate-limited'; retryAfterSeconds: number };

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** REFRESH-INTERVAL / X-PUBLISHED-TTL: clients that honour it poll hourly (Google ignores it). */
const REFRESH_MINUTES = 60;
const RATE_LIMITER = 'calendar-feed';

const feedNotFound = () => notFound('Calendar feed');

/**
 * Serves feeds: a personal one by the token in its URL, public ones by community slug. The token
 * is hashed before anything else happens and never leaves this method.
 */
@Injectable()
export class FeedService {
  constructor(
    private readonly em: EntityManager,
    private readonly subscriptions: FeedSubscriptionsRepository,
    private readonly directory: IdentityDirectory,
    private readonly assembler: FeedAssembler,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ThrottlerStorage) private readonly throttler: ThrottlerStorage,
  ) {}

  async forToken(token: string): Promise<FeedAnswer> {
    if (!looksLikeFeedToken(token)) throw feedNotFound();
    const subscription = await this.subscriptions.byTokenHash(hashFeedToken(token));
    if (!subscription || !tokenMatches(token, subscription.tokenHash)) throw feedNotFound();
    const now = this.clock.now();
    const state = subscriptionState(subscription.revokedAt, now, this.config.feeds.revokedGraceDays * DAY_MS);
    if (state === 'gone') {
      throw new DomainError('CALENDAR_FEED_GONE', 'This subscription was revoked; subscribe again');
    }
    if (state === 'active' && !ownerMayStillSee(subscription)) {
      throw new DomainError('CALENDAR_FEED_GONE', 'This subscription no longer applies to its owner');
    }
    scopeToCommunity(this.em, subscription.community.id);
    const scope = toFeedScope(subscription.scope);
    const window = this.window(now);
    const meta = feedMeta(
      scope,
      { community: subscription.community.name, ...subscription.names },
      subscription.community,
      { refreshMinutes: REFRESH_MINUTES, revoked: state === 'grace', years: yearsOf(window) },
    );
    const changedSince = [subscription.createdAt, subscription.contentChangedAt]
      .filter((d): d is Date => d !== null)
      .reduce((a, b) => (a > b ? a : b));
    const request: FeedRequest = {
      communityId: subscription.community.id,
      scope,
      window,
      meta,
      alarmMinutesBefore: subscription.owner.alarmMinutesBefore,
      since: changedSince,
    };
    // The rate limit and the content key side by side (two connections), so a 304 waits for one
    // round trip after the token lookup, not two. A poll past the limit pays for a key it does not
    // use (one indexed query); well-behaved clients never get there.
    const [limit, key] = await Promise.all([
      this.throttler.increment(
        subscription.id,
        HOUR_MS,
        this.config.feeds.limitPerHour,
        HOUR_MS,
        RATE_LIMITER,
      ),
      state === 'grace' ? null : this.assembler.contentKey(request),
    ]);
    if (limit.isBlocked)
      return { kind: 'rate-limited', retryAfterSeconds: Math.max(1, limit.timeToBlockExpire) };

    if (state === 'grace') {
      await this.touch(subscription, now);
      return { kind: 'feed', feed: this.assembler.render([], meta, subscription.revokedAt ?? now) };
    }
    let feed = await this.assembler.feed(request, key);
    if (feed.content.etag !== subscription.contentEtag) {
      await this.subscriptions.recordContent(subscription.id, feed.content.etag, now);
      // A body unlike the last one served is a change as of now, even if no entry says so.
      if (subscription.contentEtag !== null && feed.lastModified < now) feed = { ...feed, lastModified: now };
    } else {
      await this.touch(subscription, now);
    }
    return { kind: 'feed', feed };
  }

  /** 城南社区's market sessions: no token, no personal data (sources leave it out of public scopes). */
  async publicMarket(communitySlug: string): Promise<RenderedFeed> {
    const community = await this.community(communitySlug);
    return this.publicFeed(community, { kind: 'public-market' }, {}, community.updatedAt);
  }

  /** When the service vehicles come to one estate. */
  async publicVisits(communitySlug: string, estateId: string): Promise<RenderedFeed> {
    if (!isUuid(estateId)) throw feedNotFound();
    const community = await this.community(communitySlug);
    const estate = await this.directory.estate(community.id, estateId);
    if (!estate) throw feedNotFound();
    const since = estate.updatedAt > community.updatedAt ? estate.updatedAt : community.updatedAt;
    return this.publicFeed(community, { kind: 'public-visits', estateId }, { estate: estate.name }, since);
  }

  private async publicFeed(
    community: FeedCommunity,
    scope: FeedScope,
    names: { estate?: string },
    since: Date,
  ): Promise<RenderedFeed> {
    scopeToCommunity(this.em, community.id);
    const window = this.window(this.clock.now());
    const meta = feedMeta(scope, { community: community.name, ...names }, community, {
      refreshMinutes: REFRESH_MINUTES,
      years: yearsOf(window),
    });
    return this.assembler.feed({ communityId: community.id, scope, window, meta, since });
  }

  private async community(slug: string): Promise<CommunityFacts> {
    const community = slug.length <= 100 ? await this.directory.communityBySlug(slug) : undefined;
    if (!community) throw feedNotFound();
    return community;
  }

  private window(now: Date) {
    return feedWindow(now, this.config.feeds.daysBack, this.config.feeds.daysAhead);
  }

  private async touch(subscription: FeedSubscription, now: Date): Promise<void> {
    if (!lastUsedIsStale(subscription.lastUsedAt, now)) return;
    await this.subscriptions.touch(subscription.id, now, new Date(now.getTime() - LAST_USED_RESOLUTION_MS));
  }
}

/** The UTC years a window touches: an empty calendar's VTIMEZONE covers them. */
function yearsOf(window: { from: Date; to: Date }): { from: number; to: number } {
  return { from: window.from.getUTCFullYear(), to: window.to.getUTCFullYear() };
}

/**
 * Rights follow the owner: a disabled account, a deactivated person, or a coordinator moved
 * elsewhere loses the feed; so does a feed about a person who was deactivated.
 */
function ownerMayStillSee(subscription: FeedSubscription): boolean {
  const { owner } = subscription;
  // A disabled account, a removed owner, or a removed person the feed is about (issue 10).
  if (!owner.active || !subscription.subjectActive) return false;
  return maySubscribe(
    {
      accountId: owner.accountId,
      communityId: subscription.community.id,
      role: owner.role,
      personId: owner.personId,
      organisationId: owner.organisationId,
    },
    subscription.scope,
  ).allowed;
}
