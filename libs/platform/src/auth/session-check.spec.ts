import type { ModuleRef } from '@nestjs/core';
import { FixedClock } from '../clock/clock';
import type { Actor } from './actor';
import { SESSION_CACHE_MS, SessionCheck, SessionStore } from './session-check';

class CountingStore extends SessionStore {
  versions = new Map<string, number | undefined>();
  reads = 0;
  /** The accounts of each read, in order. */
  batches: string[][] = [];
  async currentTokenVersions(accountIds: readonly string[]): Promise<ReadonlyMap<string, number>> {
    this.reads += 1;
    this.batches.push([...accountIds]);
    const found = new Map<string, number>();
    for (const id of accountIds) {
      const version = this.versions.get(id);
      if (version !== undefined) found.set(id, version);
    }
    return found;
  }
}

const actor = (accountId: string, tokenVersion?: number): Actor => ({
  accountId,
  communityId: 'c',
  role: 'volunteer',
  tokenVersion,
});

describe('SessionCheck', () => {
  const setup = () => {
    const store = new CountingStore();
    const clock = new FixedClock(new Date('2026-12-01T00:00:00Z'));
    const moduleRef = { get: () => store } as unknown as ModuleRef;
    return { store, clock, check: new SessionCheck(moduleRef, clock) };
  };

  it('accepts a token of the current version; refuses an older one and an account that may not act', async () => {
    const { store, check } = setup();
    store.versions.set('a', 2);
    store.versions.set('gone', undefined);
    expect(await check.isCurrent(actor('a', 2))).toBe(true);
    expect(await check.isCurrent(actor('a', 1))).toBe(false);
    expect(await check.isCurrent(actor('gone', 0))).toBe(false);
    expect(await check.isCurrent(actor('unknown', 0))).toBe(false);
  });

  it('reads a token without a version as version 0', async () => {
    const { store, check } = setup();
    store.versions.set('a', 0);
    expect(await check.isCurrent(actor('a'))).toBe(true);
  });

  it('reads each account once per cache period, again after it', async () => {
    const { store, clock, check } = setup();
    store.versions.set('a', 0);
    await check.isCurrent(actor('a', 0));
    store.versions.set('a', 1); // revoked by another process
    expect(await check.isCurrent(actor('a', 0))).toBe(true);
    expect(store.reads).toBe(1);
    clock.advance(SESSION_CACHE_MS);
    expect(await check.isCurrent(actor('a', 0))).toBe(false);
    expect(store.reads).toBe(2);
  });

  it('sees a revocation made in this process at once, once told to forget', async () => {
    const { store, check } = setup();
    store.versions.set('a', 0);
    await check.isCurrent(actor('a', 0));
    store.versions.set('a', 1);
    check.forget(['a']);
    expect(await check.isCurrent(actor('a', 0))).toBe(false);
  });

  it('reads the accounts of requests that arrive together in one statement, each answered for itself', async () => {
    const { store, check } = setup();
    store.versions.set('a', 0);
    store.versions.set('b', 3);
    const answers = await Promise.all([
      check.isCurrent(actor('a', 0)),
      check.isCurrent(actor('b', 2)),
      check.isCurrent(actor('gone', 0)),
      check.isCurrent(actor('a', 0)),
    ]);
    expect(answers).toEqual([true, false, false, true]);
    expect(store.batches).toEqual([['a', 'b', 'gone']]);
  });

  it('never joins a read already sent: a request arriving later reads again, after a revocation too', async () => {
    const { store, check } = setup();
    store.versions.set('a', 0);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const read = store.currentTokenVersions.bind(store);
    store.currentTokenVersions = async (ids) => {
      const answer = read(ids);
      await gate;
      return answer;
    };
    const early = check.isCurrent(actor('a', 0));
    while (store.reads === 0) await new Promise((resolve) => setImmediate(resolve));
    // The first read is on its way; another process revokes; then a second request arrives.
    store.versions.set('a', 1);
    const late = check.isCurrent(actor('a', 0));
    release();
    expect(await early).toBe(true);
    expect(await late).toBe(false);
    expect(store.batches).toEqual([['a'], ['a']]);
  });

  it('never puts more than 500 accounts in one statement', async () => {
    const { store, check } = setup();
    await Promise.all(Array.from({ length: 1_200 }, (_, i) => check.isCurrent(actor(`acc-${i}`, 0))));
    expect(store.batches.map((batch) => batch.length)).toEqual([500, 500, 200]);
  });

  it('stays bounded: many accounts do not grow the cache without end', async () => {
    const { store, check } = setup();
    for (let i = 0; i < 10_050; i++) await check.isCurrent(actor(`acc-${i}`, 0));
    const cache = (check as unknown as { cache: Map<string, unknown> }).cache;
    expect(cache.size).toBeLessThanOrEqual(10_000);
    expect(cache.has('acc-0')).toBe(false);
    expect(cache.has('acc-10049')).toBe(true);
    expect(store.reads).toBe(10_050);
  });
});
