import { MikroORM } from '@mikro-orm/core';
import { ormOptions } from '../database/orm-options';
import { platformEntities } from '../platform.module';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { PostgresThrottlerStorage } from './postgres-throttler.storage';
import { ThrottleBucketCleanup } from './throttle-bucket-cleanup.task';

describe('PostgresThrottlerStorage', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  let storage: PostgresThrottlerStorage;
  const sql = (query: string) => orm.em.fork().getConnection().execute(query);

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await MikroORM.init(ormOptions({ url: database.url, entities: platformEntities, poolMax: 20 }));
    storage = new PostgresThrottlerStorage(orm);
  });
  afterAll(async () => {
    await orm.close(true);
    await database.drop();
  });

  it('counts hits in a window and blocks past the limit for the block duration', async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await storage.increment('k1', 60_000, 3, 120_000, 'login'));
    expect(results.map((r) => [r.totalHits, r.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    expect(results[3].timeToBlockExpire).toBeGreaterThan(60);
    expect(results[3].timeToBlockExpire).toBeLessThanOrEqual(120);
    expect(results[0].timeToExpire).toBeLessThanOrEqual(60);
  });

  it('counts every one of many simultaneous hits exactly once', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, () => storage.increment('burst', 60_000, 10, 60_000, 'login')),
    );
    expect(results.map((r) => r.totalHits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    expect(results.filter((r) => r.isBlocked)).toHaveLength(40);
  });

  it('starts a new window once the old one expired, and stays blocked until the block ends', async () => {
    await sql(`UPDATE throttle_bucket SET expires_at = now() - interval '1 second' WHERE key = 'login:k1'`);
    const stillBlocked = await storage.increment('k1', 60_000, 3, 120_000, 'login');
    expect(stillBlocked).toMatchObject({ totalHits: 1, isBlocked: true });
    await sql(
      `UPDATE throttle_bucket SET blocked_until = now() - interval '1 second' WHERE key = 'login:k1'`,
    );
    expect(await storage.increment('k1', 60_000, 3, 120_000, 'login')).toMatchObject({
      totalHits: 2,
      isBlocked: false,
    });
  });

  it('keeps throttlers with the same tracker apart', async () => {
    expect((await storage.increment('same', 60_000, 5, 0, 'login-address')).totalHits).toBe(1);
    expect((await storage.increment('same', 60_000, 5, 0, 'login-account')).totalHits).toBe(1);
  });

  it('the worker cleanup removes only buckets whose window and block have ended', async () => {
    await sql(
      `UPDATE throttle_bucket SET expires_at = now() - interval '1 second', blocked_until = NULL WHERE key = 'login-address:same'`,
    );
    const removed = await new ThrottleBucketCleanup(orm).removeExpired();
    expect(removed).toBe(1);
    const keys = (await sql(`SELECT key FROM throttle_bucket ORDER BY key`)).map(
      (row: { key: string }) => row.key,
    );
    expect(keys).toEqual(['login-account:same', 'login:burst', 'login:k1']);
  });
});
