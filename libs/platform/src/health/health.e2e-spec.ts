import { Controller, Get, Module } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { startTestApi, TestApi } from '../../../../test/support/test-api';
import { Public } from '../auth/auth.decorators';
import { sqlIn } from '../database/sql';
import { ShutdownState } from './shutdown-state';

/** Any fixed number: the advisory lock the test holds to keep requests busy on the request pool. */
const HOLD_KEY = 41_117;
const POOL_MAX = 2;

/** Requests that hold a pooled connection until the test lets them go. */
@Controller('v1/test-hold')
class HoldController {
  constructor(private readonly em: EntityManager) {}

  @Public()
  @Get()
  async hold(): Promise<{ held: true }> {
    await sqlIn(this.em)('SELECT pg_advisory_xact_lock_shared($1)', [HOLD_KEY]);
    return { held: true };
  }
}
@Module({ controllers: [HoldController] })
class HoldModule {}

describe('/health and /health/ready', () => {
  let api: TestApi;
  let admin: Client;

  beforeAll(async () => {
    api = await startTestApi({ extraModules: [HoldModule], config: { DB_POOL_MAX: String(POOL_MAX) } });
    admin = new Client({ connectionString: api.database.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await api?.close();
  });

  /** Polls PostgreSQL (not the clock) until `count` backends of the API wait on the held lock. */
  async function backendsWaiting(count: number): Promise<void> {
    for (;;) {
      const { rows } = await admin.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
      );
      if (rows[0].waiting >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('is ready on a migrated database', async () => {
    const ready = await api.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok', database: 'up', migrations: 'applied' });
  });

  it('answers while every pooled connection is busy with slow requests (its own connection)', async () => {
    await admin.query('SELECT pg_advisory_lock($1)', [HOLD_KEY]);
    const settle = (request: PromiseLike<{ status: number }>) => {
      const outcome = { settled: false, status: 0 };
      const done = Promise.resolve(request).then((response) => {
        Object.assign(outcome, { settled: true, status: response.status });
      });
      return { outcome, done };
    };
    // One more than the pool: POOL_MAX hold a connection each, the last waits for one.
    const slow = Array.from({ length: POOL_MAX + 1 }, () => settle(api.http.get('/api/v1/test-hold')));
    try {
      await backendsWaiting(POOL_MAX);

      const ready = await api.http.get('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({ database: 'up' });
      // The pool was saturated the whole time: nothing that needs it has been answered.
      expect(slow.map(({ outcome }) => outcome.settled)).toEqual(slow.map(() => false));
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [HOLD_KEY]);
    }
    await Promise.all(slow.map(({ done }) => done));
    expect(slow.map(({ outcome }) => outcome.status)).toEqual(slow.map(() => 200));
  });

  it('answers 503 SERVICE_UNAVAILABLE as soon as shutdown begins; liveness stays 200', async () => {
    api.app.get(ShutdownState, { strict: false }).begin();
    const ready = await api.http.get('/health/ready').set('accept-language', 'en');
    expect(ready.status).toBe(503);
    expect(ready.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(ready.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', detail: 'Shutting down' });
    expect((await api.http.get('/health')).status).toBe(200);
  });
});
