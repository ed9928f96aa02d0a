import type { ModuleRef } from '@nestjs/core';
import { FixedClock } from '../clock/clock';
import type { Actor } from './actor';
import { SESSION_CACHE_MS, SessionCheck, SessionStore } from './session-check';

class CountingStore extends SessionStore {
  versions = new Map<string, number | undefined>();
  reads = 0;
  async currentTokenVersion(accountId: string): Promise<number | undefined> {
    this.reads += 1;
    return this.versions.get(accountId);
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
