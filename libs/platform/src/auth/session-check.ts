import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Clock } from '../clock/clock';
import type { Actor } from './actor';

/**
 * How long one process trusts what it last read about an account's session. Revocation made in
 * this process is seen at once (the writer calls `forget`); another process sees it within this.
 */
export const SESSION_CACHE_MS = 3_000;
/** Accounts remembered at once; the oldest entry goes first. */
const MAX_CACHED_ACCOUNTS = 10_000;

/**
 * The port identity implements (it owns accounts and people): the account's current token version
 * while it may still act, undefined once it may not (disabled, its person deactivated or gone).
 */
export abstract class SessionStore {
  abstract currentTokenVersion(accountId: string): Promise<number | undefined>;
}

interface Cached {
  version: number | undefined;
  until: number;
}

/**
 * Checks on each request that an access token is still good: its token version is the account's
 * current one and the account may still act. A bump of the version (disabling an account,
 * deactivating or removing a person) ends every token issued before it.
 */
@Injectable()
export class SessionCheck {
  private readonly cache = new Map<string, Cached>();
  private store?: SessionStore;

  constructor(
    private readonly moduleRef: ModuleRef,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async isCurrent(actor: Actor): Promise<boolean> {
    const now = this.clock.now().getTime();
    let entry = this.cache.get(actor.accountId);
    if (!entry || entry.until <= now) {
      const version = await this.sessions().currentTokenVersion(actor.accountId);
      entry = { version, until: now + SESSION_CACHE_MS };
      this.remember(actor.accountId, entry);
    }
    return entry.version !== undefined && entry.version === (actor.tokenVersion ?? 0);
  }

  /** Drops what this process remembers of these accounts; call after the revoking write commits. */
  forget(accountIds: Iterable<string>): void {
    for (const id of accountIds) this.cache.delete(id);
  }

  private remember(accountId: string, entry: Cached): void {
    this.cache.delete(accountId);
    if (this.cache.size >= MAX_CACHED_ACCOUNTS) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(accountId, entry);
  }

  /** Identity provides the store; it is looked up once, wherever it is registered. */
  private sessions(): SessionStore {
    this.store ??= this.moduleRef.get(SessionStore, { strict: false });
    return this.store;
  }
}
