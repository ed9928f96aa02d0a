import { createTenant, Tenant, TEST_PASSWORD } from '@linli/identity/testing';
import { startTestApi, TestApi } from '../support/test-api';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Login limits per login name and per client address. Two API instances share one database, as
 * several API processes would in production: the counters must be shared, not per process.
 */
describe('login throttling across API processes', () => {
  let database: TestDatabase;
  let first: TestApi;
  let second: TestApi;
  let tenant: Tenant;
  const limits = {
    LOGIN_LIMIT_PER_ACCOUNT: '3',
    LOGIN_LIMIT_PER_ADDRESS: '8',
    LOGIN_LIMIT_WINDOW_SECONDS: '600',
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    first = await startTestApi({ database, config: limits });
    second = await startTestApi({ database, config: limits });
    tenant = await createTenant(first.em());
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    await database.drop();
  });

  const attempt = (api: TestApi, login: string, password: string, address: string) =>
    api.http.post('/api/v1/auth/login').set('x-forwarded-for', address).send({ login, password });

  it('blocks a login name after its limit, counting attempts made on either process', async () => {
    const login = tenant.accounts.coordinator.email!;
    const statuses = [];
    for (const api of [first, second, first, second])
      statuses.push((await attempt(api, login, 'wrong', '10.0.0.1')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    // Even the right password is refused while blocked, from either process and another address.
    const blocked = await attempt(first, login, TEST_PASSWORD, '10.0.0.2');
    expect(blocked.status).toBe(429);
    expect(blocked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(blocked.body.code).toBe('TOO_MANY_REQUESTS');
    expect(blocked.headers['retry-after-login-account']).toBeDefined();
  });

  it('does not block other logins because one was attacked', async () => {
    const ok = await attempt(second, tenant.accounts.organiser.email!, TEST_PASSWORD, '10.0.0.3');
    expect(ok.status).toBe(200);
  });

  it('the counters live in PostgreSQL', async () => {
    const rows = await first
      .em()
      .getConnection()
      .execute(`SELECT count(*)::int AS n FROM throttle_bucket WHERE hits > 0`);
    expect(rows[0].n).toBeGreaterThan(0);
  });
});

describe('login throttling per client address', () => {
  let api: TestApi;
  let tenant: Tenant;

  beforeAll(async () => {
    api = await startTestApi({
      config: { LOGIN_LIMIT_PER_ACCOUNT: '100', LOGIN_LIMIT_PER_ADDRESS: '4', TRUST_PROXY: 'true' },
    });
    tenant = await createTenant(api.em());
  });
  afterAll(() => api.close());

  it('blocks an address that tries many different logins, and not other addresses', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (
          await api.http
            .post('/api/v1/auth/login')
            .set('x-forwarded-for', '203.0.113.9')
            .send({ login: `guess${i}@x.cn`, password: 'x' })
        ).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const other = await api.http
      .post('/api/v1/auth/login')
      .set('x-forwarded-for', '203.0.113.10')
      .send({ login: tenant.accounts.volunteer.email, password: TEST_PASSWORD });
    expect(other.status).toBe(200);
  });
});
