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
/** Accounts read in one statement at most. */
const MAX_BATCH = 500;

/**
 * The port identity implements (it owns accounts and people): each account's current token
 * version while it may still act; an account that may not (disabled, its person deactivated or
 * gone, unknown) is missing from the answer.
 */
export abstract class SessionStore {
  abstract currentTokenVersions(accountIds: readonly string[]): Promise<ReadonlyMap<string, number>>;
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
  /** Accounts to read together, still open to more until it is sent. */
  private batch?: { accountIds: Set<string>; versions: Promise<ReadonlyMap<string, number>> };

  constructor(
    private readonly moduleRef: ModuleRef,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async isCurrent(actor: Actor): Promise<boolean> {
    const now = this.clock.now().getTime();
    let entry = this.cache.get(actor.accountId);
    if (!entry || entry.until <= now) {
      const version = await this.read(actor.accountId);
      entry = { version, until: now + SESSION_CACHE_MS };
      this.remember(actor.accountId, entry);
    }
    return entry.version !== undefined && entry.version === (actor.tokenVersion ?? 0);
  }

  /**
   * Reads an account's version with the others asked for in the same turn of the event loop: a
   * rush of requests (many people claiming the moment a shift opens) costs one statement per
   * turn instead of one per request. Every request still reads after it arrived, so a
   * revocation committed before it is seen.
   */
  private async read(accountId: string): Promise<number | undefined> {
    let batch = this.batch;
    if (!batch) {
      const accountIds = new Set<string>();
      const versions = new Promise<ReadonlyMap<string, number>>((resolve, reject) =>
        // After the I/O callbacks of this turn: the requests that arrived with this one join.
        setImmediate(() => {
          if (this.batch?.accountIds === accountIds) this.batch = undefined;
          this.sessions()
            .currentTokenVersions([...accountIds])
            .then(resolve, reject);
        }),
      );
      batch = this.batch = { accountIds, versions };
    }
    batch.accountIds.add(accountId);
    if (batch.accountIds.size >= MAX_BATCH) this.batch = undefined;
    return (await batch.versions).get(accountId);
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
