import { createHash } from 'node:crypto';
import { Client } from 'pg';
import type { Response } from 'supertest';
import { createTenant, Tenant, TEST_PASSWORD } from '@linli/identity/testing';
import { FixedClock, SqlDatabase } from '@linli/platform';
import { startTestApi, TestApi } from '../support/test-api';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { bearerFor } from '../support/auth';
import { captureLogLines } from '../support/log-capture';
import { expectProblem, expectStatus } from './identity-e2e.helpers';

/**
 * Issue 12, browser sessions (docs/decisions/0021-browser-sessions.md): sign-in sets a refresh
 * cookie; each refresh token is good once and is exchanged for the next; a used one presented
 * again ends the session and signs the account out everywhere; logout ends the session; a
 * disabled account cannot refresh; sessions have an idle and an absolute lifetime.
 */

const COOKIE = 'linli_refresh';

interface Operation {
  summary: string;
  security?: unknown[];
  responses: Record<
    string,
    {
      headers?: Record<string, { description: string }>;
      content?: Record<string, { schema: { allOf: { properties?: { code?: { enum: string[] } } }[] } }>;
    }
  >;
}

/** The codes a problem response of an operation lists (its schema's `code` enum). */
const codes = (op: Operation, status: string) =>
  op.responses[status]?.content?.['application/problem+json']?.schema.allOf[1].properties?.code?.enum;
const DAY_MS = 24 * 60 * 60_000;
/** Many sign-ins of the same accounts in one file: the login limits are not under test here. */
const ROOMY_LIMITS = { LOGIN_LIMIT_PER_ACCOUNT: '1000', LOGIN_LIMIT_PER_ADDRESS: '10000' };

/** The refresh cookie an answer sets: its value and its attributes, lower-cased. */
function setCookie(response: Response): { value: string; attributes: string[] } | undefined {
  const lines = (response.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
  const line = lines.find((candidate) => candidate.startsWith(`${COOKIE}=`));
  if (!line) return undefined;
  const [pair, ...attributes] = line.split(';').map((part) => part.trim());
  return { value: pair.slice(COOKIE.length + 1), attributes: attributes.map((a) => a.toLowerCase()) };
}

function cookieOf(response: Response): string {
  const cookie = setCookie(response);
  if (!cookie?.value)
    throw new Error(`no ${COOKIE} cookie set: ${response.status} ${JSON.stringify(response.body)}`);
  return cookie.value;
}

function expectCookieCleared(response: Response): void {
  const cookie = setCookie(response);
  expect(cookie?.value).toBe('');
  expect(cookie?.attributes).toEqual(
    expect.arrayContaining(['path=/api/v1/auth', 'expires=thu, 01 jan 1970 00:00:00 gmt']),
  );
}

describe('browser sessions: refresh cookie, rotation, reuse detection, logout', () => {
  let database: TestDatabase;
  let api: TestApi;
  let t: Tenant;
  let sql: SqlDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApi({ database, config: { ...ROOMY_LIMITS, LOG_LEVEL: 'warn' } });
    t = await createTenant(api.em());
    sql = new SqlDatabase(database.url, 2);
  });
  afterAll(async () => {
    await sql.close();
    await api.close();
    await database.drop();
  });

  const login = (email: string | undefined, on: TestApi = api) =>
    on.http.post('/api/v1/auth/login').send({ login: email, password: TEST_PASSWORD });
  const refresh = (cookie?: string, on: TestApi = api) => {
    const request = on.http.post('/api/v1/auth/refresh');
    return cookie === undefined ? request : request.set('Cookie', `theme=dark; ${COOKIE}=${cookie}`);
  };
  const logout = (cookie?: string) => {
    const request = api.http.post('/api/v1/auth/logout');
    return cookie === undefined ? request : request.set('Cookie', `${COOKIE}=${cookie}`);
  };
  // Any signed-in route (not /me, which reads the account itself).
  const estates = (accessToken: string) =>
    api.http.get('/api/v1/estates').set('authorization', `Bearer ${accessToken}`);
  /** Resolves once `count` backends wait for a lock (polled outside any transaction: a fresh view each time). */
  const untilWaitingForLocks = async (count: number) => {
    for (;;) {
      const [row] = await sql.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (row.waiting >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  /** Why each session of the account ended ('live' while it has not), sorted. */
  const endReasons = async (accountId: string) =>
    (
      await sql.query<{ reason: string }>(
        `SELECT coalesce(end_reason, 'live') AS reason FROM login_session WHERE account_id = $1`,
        [accountId],
      )
    )
      .map((row) => row.reason)
      .sort();

  it('sign-in answers the access token as before and sets an HttpOnly, SameSite=Strict cookie on the session path', async () => {
    const response = await login(t.accounts.volunteer.email);
    expectStatus(response, 200);
    expect(response.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      me: { account: { role: 'volunteer' } },
    });
    const cookie = setCookie(response)!;
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie.attributes).toEqual(
      expect.arrayContaining([
        'httponly',
        'samesite=strict',
        'path=/api/v1/auth',
        `max-age=${14 * 24 * 60 * 60}`,
      ]),
    );
    // Reached over plain http (and TRUST_PROXY unset, so X-Forwarded-Proto is not believed): not Secure.
    expect(cookie.attributes).not.toContain('secure');
    const forwarded = await login(t.accounts.volunteer.email).set('X-Forwarded-Proto', 'https');
    expect(setCookie(forwarded)!.attributes).not.toContain('secure');
  });

  it('stores only a hash of each refresh token', async () => {
    const cookie = cookieOf(await login(t.accounts.volunteer.email));
    const stored = await sql.query<{ token_hash: string }>(`SELECT token_hash FROM refresh_token`);
    expect(stored.map((row) => row.token_hash)).toContain(createHash('sha256').update(cookie).digest('hex'));
    expect(stored.map((row) => row.token_hash)).not.toContain(cookie);
  });

  it('refresh rotates: a working access token, who I am, and a new cookie; the new one refreshes again', async () => {
    const first = cookieOf(await login(t.accounts.volunteer.email));
    const renewed = await refresh(first);
    expectStatus(renewed, 200);
    expect(renewed.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      me: { account: { id: t.accounts.volunteer.id }, person: { id: t.people.volunteer.id } },
    });
    expectStatus(await estates(renewed.body.accessToken), 200);
    const second = cookieOf(renewed);
    expect(second).not.toBe(first);
    expect(setCookie(renewed)!.attributes).toEqual(
      expect.arrayContaining(['httponly', 'samesite=strict', 'path=/api/v1/auth']),
    );
    expectStatus(await refresh(second), 200);
  });

  it('replaying a used refresh token ends the session: the newest token and its access token stop working, and the account is signed out everywhere', async () => {
    const account = t.accounts.coordinator;
    const elsewhere = await login(account.email); // the same person on another device
    const stolen = cookieOf(await login(account.email));
    const renewed = await refresh(stolen);
    expectStatus(renewed, 200);
    const newest = cookieOf(renewed);

    const log = captureLogLines();
    const replay = await refresh(stolen);
    log.stop();
    expectProblem(replay, 401, 'REFRESH_TOKEN_REUSED');
    expectCookieCleared(replay);
    // Operators learn of it (who, which session), never the token itself.
    const alarms = log.lines().filter((line) => String(line.msg).includes('used refresh token'));
    expect(alarms).toEqual([expect.objectContaining({ level: 40, accountId: account.id })]);
    expect(log.raw()).not.toContain(stolen);

    expectProblem(await refresh(newest), 401, 'REFRESH_TOKEN_INVALID');
    expectProblem(await estates(renewed.body.accessToken), 401, 'UNAUTHENTICATED');
    expectProblem(await estates(elsewhere.body.accessToken), 401, 'UNAUTHENTICATED');
    expectProblem(await refresh(cookieOf(elsewhere)), 401, 'REFRESH_TOKEN_INVALID');
    // A replay of an ended session proves nothing new: refused, not counted as reuse again.
    expectProblem(await refresh(stolen), 401, 'REFRESH_TOKEN_INVALID');
    expect(await endReasons(account.id)).toEqual(['account', 'reused']);

    // Signing in again starts afresh.
    const again = await login(account.email);
    expectStatus(await refresh(cookieOf(again)), 200);
  });

  it('two refreshes racing with one token: exactly one rotates, the other is reuse', async () => {
    const tenant = await createTenant(api.em());
    const cookie = cookieOf(await login(tenant.accounts.volunteer.email));
    // Hold the session's row so both refreshes are in flight at once, then let them go together.
    const holder = new Client({ connectionString: database.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(
        `SELECT 1 FROM login_session
          WHERE id = (SELECT session_id FROM refresh_token WHERE token_hash = $1) FOR UPDATE`,
        [createHash('sha256').update(cookie).digest('hex')],
      );
      const racing = Promise.all([refresh(cookie), refresh(cookie)]);
      await untilWaitingForLocks(2);
      await holder.query('COMMIT');
      const answers = await racing;
      expect(answers.map((a) => a.status).sort()).toEqual([200, 401]);
      const winner = answers.find((a) => a.status === 200)!;
      expectProblem(
        answers.find((a) => a.status === 401)!,
        401,
        'REFRESH_TOKEN_REUSED',
      );
      expectProblem(await refresh(cookieOf(winner)), 401, 'REFRESH_TOKEN_INVALID');
    } finally {
      await holder.end();
    }
  });

  it('logout ends the session and clears the cookie; other sessions of the account go on', async () => {
    const tenant = await createTenant(api.em());
    const mine = cookieOf(await login(tenant.accounts.volunteer.email));
    const otherDevice = cookieOf(await login(tenant.accounts.volunteer.email));
    const out = await logout(mine);
    expect(out.status).toBe(204);
    expectCookieCleared(out);
    expectProblem(await refresh(mine), 401, 'REFRESH_TOKEN_INVALID');
    expectStatus(await refresh(otherDevice), 200);
    expect(await endReasons(tenant.accounts.volunteer.id)).toEqual(['live', 'logout']);
  });

  it('logout without a session, or twice, is still 204', async () => {
    expect((await logout()).status).toBe(204);
    const cookie = cookieOf(await login(t.accounts.volunteer.email));
    expect((await logout(cookie)).status).toBe(204);
    expect((await logout(cookie)).status).toBe(204);
    expect((await logout('not-a-token')).status).toBe(204);
  });

  it('a disabled account cannot refresh, and enabling it again does not revive the session', async () => {
    const tenant = await createTenant(api.em());
    const boss = await bearerFor(api, tenant.accounts.organiser.email);
    const cookie = cookieOf(await login(tenant.accounts.volunteer.email));
    const patch = (active: boolean) =>
      api.http
        .patch(`/api/v1/accounts/${tenant.accounts.volunteer.id}`)
        .set('authorization', boss)
        .send({ active });
    expectStatus(await patch(false), 200);
    const refused = await refresh(cookie);
    expectProblem(refused, 401, 'REFRESH_TOKEN_INVALID');
    expectCookieCleared(refused);
    expectStatus(await patch(true), 200);
    expectProblem(await refresh(cookie), 401, 'REFRESH_TOKEN_INVALID');
    expectStatus(await refresh(cookieOf(await login(tenant.accounts.volunteer.email))), 200);
  });

  it('a deactivated person cannot refresh their account’s session', async () => {
    const tenant = await createTenant(api.em());
    const cookie = cookieOf(await login(tenant.accounts.volunteer.email));
    expectStatus(
      await api.http
        .patch(`/api/v1/people/${tenant.people.volunteer.id}`)
        .set('authorization', await bearerFor(api, tenant.accounts.organiser.email))
        .send({ active: false }),
      200,
    );
    expectProblem(await refresh(cookie), 401, 'REFRESH_TOKEN_INVALID');
  });

  it('refuses a missing, malformed or unknown refresh cookie with 401 REFRESH_TOKEN_INVALID', async () => {
    expectProblem(await refresh(), 401, 'REFRESH_TOKEN_INVALID');
    expectProblem(await refresh('short'), 401, 'REFRESH_TOKEN_INVALID');
    expectProblem(await refresh('A'.repeat(43)), 401, 'REFRESH_TOKEN_INVALID');
    const english = await refresh().set('Accept-Language', 'en');
    expect(english.body.title).toBe('Your sign-in has ended: sign in again');
  });

  it('sets Secure on the cookie when the client came over https through a trusted proxy', async () => {
    const proxied = await startTestApi({ database, config: { ...ROOMY_LIMITS, TRUST_PROXY: 'loopback' } });
    try {
      const response = await login(t.accounts.volunteer.email, proxied).set('X-Forwarded-Proto', 'https');
      expect(setCookie(response)!.attributes).toEqual(expect.arrayContaining(['secure', 'httponly']));
      const renewed = await refresh(cookieOf(response), proxied).set('X-Forwarded-Proto', 'https');
      expect(setCookie(renewed)!.attributes).toContain('secure');
    } finally {
      await proxied.close();
    }
  });

  it('documents refresh and logout in the OpenAPI document, with their errors and no bearer token', async () => {
    const doc = (await api.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, { post: Operation }>;
    };
    const refreshOp = doc.paths['/api/v1/auth/refresh'].post;
    expect(refreshOp.summary).toMatch(/refresh cookie/);
    expect(refreshOp.security).toBeUndefined();
    expect(codes(refreshOp, '401')).toEqual(['REFRESH_TOKEN_INVALID', 'REFRESH_TOKEN_REUSED']);
    expect(codes(refreshOp, '403')).toEqual(['ORIGIN_NOT_ALLOWED']);
    expect(refreshOp.responses['200'].headers?.['Set-Cookie'].description).toMatch(
      /HttpOnly; SameSite=Strict/,
    );
    const logoutOp = doc.paths['/api/v1/auth/logout'].post;
    expect(logoutOp.summary).toMatch(/Sign out/);
    expect(logoutOp.security).toBeUndefined();
    expect(Object.keys(logoutOp.responses)).toEqual(expect.arrayContaining(['204', '403']));
    expect(codes(doc.paths['/api/v1/auth/login'].post, '403')).toEqual(['ORIGIN_NOT_ALLOWED']);
  });
});

describe('browser sessions: idle and absolute lifetimes', () => {
  let api: TestApi;
  let t: Tenant;
  const clock = new FixedClock(new Date('2026-12-07T01:00:00Z'));

  beforeAll(async () => {
    api = await startTestApi({ clock, config: ROOMY_LIMITS });
    t = await createTenant(api.em());
  });
  afterAll(() => api.close());

  const login = () =>
    api.http.post('/api/v1/auth/login').send({ login: t.accounts.volunteer.email, password: TEST_PASSWORD });
  const refresh = (cookie: string) =>
    api.http.post('/api/v1/auth/refresh').set('Cookie', `${COOKIE}=${cookie}`);

  it('a refresh token unused for 14 days has expired', async () => {
    const cookie = cookieOf(await login());
    clock.advance(14 * DAY_MS);
    expectProblem(await refresh(cookie), 401, 'REFRESH_TOKEN_INVALID');
  });

  it('a session used every 13 days still ends 30 days after sign-in; the last cookie lives only until then', async () => {
    let cookie = cookieOf(await login());
    clock.advance(13 * DAY_MS);
    cookie = cookieOf(await refresh(cookie));
    clock.advance(13 * DAY_MS);
    const last = await refresh(cookie);
    expectStatus(last, 200);
    expect(setCookie(last)!.attributes).toContain(`max-age=${4 * 24 * 60 * 60}`);
    clock.advance(4 * DAY_MS);
    expectProblem(await refresh(cookieOf(last)), 401, 'REFRESH_TOKEN_INVALID');
  });
});
