import { Injectable } from '@nestjs/common';
import { notFound } from '@linli/platform';
import { IdentityDirectory } from '../infra/identity-directory';

/** A community's zone is set when it is created and no API changes it; a hand edit shows within this. */
const CACHE_MS = 5 * 60_000;
const MAX_CACHED = 10_000;

/**
 * The IANA zone of a community (identity's `community.time_zone`), which every API answer writes
 * its instants in: asked on nearly every request, so kept in memory instead of read each time.
 */
@Injectable()
export class CommunityZones {
  private readonly cache = new Map<string, { zone: string; until: number }>();

  constructor(private readonly directory: IdentityDirectory) {}

  /** The zone of the caller's community; NOT_FOUND for a community that does not exist. */
  async of(communityId: string): Promise<string> {
    // A monotonic clock: only the cache's age, never a business time.
    const now = performance.now();
    const cached = this.cache.get(communityId);
    if (cached && cached.until > now) return cached.zone;
    const community = await this.directory.community(communityId);
    if (!community) throw notFound('Community');
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(communityId, { zone: community.timeZone, until: now + CACHE_MS });
    return community.timeZone;
  }
}
