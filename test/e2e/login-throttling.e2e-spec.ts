import { createTenant, makeAccount, makePerson, Tenant, TEST_PASSWORD } from '@linli/identity/testing';
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

/** The per-login counter is keyed on the login as login itself reads it (parseLoginName). */
describe('login throttling keyed on the normalised login', () => {
  let api: TestApi;
  let tenant: Tenant;

  beforeAll(async () => {
    api = await startTestApi({ config: { LOGIN_LIMIT_PER_ACCOUNT: '3', LOGIN_LIMIT_PER_ADDRESS: '100' } });
    tenant = await createTenant(api.em());
  });
  afterAll(() => api.close());

  const attempt = (login: string, password: string) =>
    api.http.post('/api/v1/auth/login').send({ login, password });

  it('counts every spelling of one phone login on one counter (the login normalises them to one account)', async () => {
    const em = api.em();
    const person = makePerson(em, tenant.community);
    await makeAccount(em, tenant.community, 'volunteer', { person, phone: '10055550000' });
    await em.flush();
    const spellings = ['1 0055550000', 'x10055550000', '100-5555-0000', '(100) 5555 0000'];
    const statuses = [];
    for (const login of spellings) statuses.push((await attempt(login, 'wrong')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const blocked = await attempt('10055550000', TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_REQUESTS');
  });

  it('counts an email login whatever its case and spaces', async () => {
    const login = tenant.accounts.volunteer.email!;
    const spellings = [login.toUpperCase(), ` ${login}`, `${login}  `, login];
    const statuses = [];
    for (const spelling of spellings) statuses.push((await attempt(spelling, 'wrong')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
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

/**
 * TRUST_PROXY is a hop count or a list of proxy addresses: only the hops a proxy of ours appended
 * are believed, so a client's own X-Forwarded-For cannot pick its address. In these tests the
 * client connects from 127.0.0.1, standing for the one proxy in front of Linli, which appends the
 * real client address (203.0.113.77) to whatever the client sent.
 */
describe.each([
  ['a hop count', '1'],
  ['the proxy address list', 'loopback, 10.20.0.0/16'],
  ['true (now one hop, not every hop)', 'true'],
])('login throttling behind a proxy: TRUST_PROXY as %s', (_name, trustProxy) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({
      config: { LOGIN_LIMIT_PER_ACCOUNT: '100', LOGIN_LIMIT_PER_ADDRESS: '3', TRUST_PROXY: trustProxy },
    });
  });
  afterAll(() => api.close());

  it('a spoofed X-Forwarded-For does not reset the per-address limit', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      const response = await api.http
        .post('/api/v1/auth/login')
        .set('x-forwarded-for', `198.51.100.${i}, 192.0.2.${i}, 203.0.113.77`)
        .send({ login: `spoof${i}@x.cn`, password: 'x' });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const neighbour = await api.http
      .post('/api/v1/auth/login')
      .set('x-forwarded-for', '203.0.113.78')
      .send({ login: 'neighbour@x.cn', password: 'x' });
    expect(neighbour.status).toBe(401);
  });
});
