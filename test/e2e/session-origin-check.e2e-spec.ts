import type { Response } from 'supertest';
import { createTenant, Tenant, TEST_PASSWORD } from '@linli/identity/testing';
import { startTestApi, TestApi } from '../support/test-api';
import { bearerFor } from '../support/auth';
import { expectProblem, expectStatus } from './identity-e2e.helpers';

/**
 * Issue 12, CSRF on the cookie-authenticated endpoints: beside SameSite=Strict, a request under
 * /api/v1/auth from a page of another site (its Origin, else its Referer) is refused 403
 * ORIGIN_NOT_ALLOWED before anything happens. Allowed: the API's own origin as the client reached
 * it (behind a trusted proxy, X-Forwarded-Proto/Host), PUBLIC_BASE_URL's and WEB_ORIGINS.
 */

const COOKIE = 'linli_refresh';

function cookieOf(response: Response): string {
  const lines = (response.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
  const value = lines
    .find((line) => line.startsWith(`${COOKIE}=`))
    ?.split(';')[0]
    .slice(COOKIE.length + 1);
  if (!value) throw new Error(`no ${COOKIE} cookie: ${response.status} ${JSON.stringify(response.body)}`);
  return value;
}

describe('the origin check on the browser-session endpoints', () => {
  let api: TestApi;
  let t: Tenant;

  beforeAll(async () => {
    api = await startTestApi({
      config: {
        WEB_ORIGINS: 'https://web.example.org, http://localhost:5173',
        PUBLIC_BASE_URL: 'https://linli.example.org/base',
        TRUST_PROXY: 'loopback',
        LOGIN_LIMIT_PER_ACCOUNT: '1000',
      },
    });
    t = await createTenant(api.em());
  });
  afterAll(() => api.close());

  const login = () =>
    api.http
      .post('/api/v1/auth/login')
      .set('Host', 'linli.test')
      .send({ login: t.accounts.volunteer.email, password: TEST_PASSWORD });
  /** A refresh as a browser on `page` sends it (the API reached as http://linli.test). */
  const refresh = (cookie: string, headers: Record<string, string>) =>
    api.http
      .post('/api/v1/auth/refresh')
      .set('Host', 'linli.test')
      .set('Cookie', `${COOKIE}=${cookie}`)
      .set(headers);
  const session = async () => cookieOf(await login());

  it.each([
    ['the same origin', { Origin: 'http://linli.test' }],
    ['the same origin, by Referer when Origin is absent', { Referer: 'http://linli.test/shifts' }],
    ['the same origin, by Referer when Origin is null', { Origin: 'null', Referer: 'http://linli.test/' }],
    ['an origin of WEB_ORIGINS', { Origin: 'https://web.example.org' }],
    ['the Vite dev server, listed in WEB_ORIGINS', { Origin: 'http://localhost:5173' }],
    ['the origin of PUBLIC_BASE_URL', { Origin: 'https://linli.example.org' }],
    ['no Origin and no Referer (not a browser page: curl, an app)', {}],
    [
      'the public origin as a trusted proxy reports it',
      {
        Origin: 'https://linli.example.net',
        'X-Forwarded-Proto': 'https',
        'X-Forwarded-Host': 'linli.example.net',
      },
    ],
  ])('lets through a refresh from %s', async (_name, headers) => {
    expectStatus(await refresh(await session(), headers), 200);
  });

  it.each([
    ['another site', { Origin: 'https://evil.example' }],
    ['another site, by Referer alone', { Referer: 'https://evil.example/page' }],
    ['a sandboxed frame or a file (Origin: null, no Referer)', { Origin: 'null' }],
    ['another port of the same host', { Origin: 'http://linli.test:8080' }],
    ['https while the API was reached over http (no proxy said so)', { Origin: 'https://linli.test' }],
    ['an unreadable Origin', { Origin: 'javascript:alert(1)' }],
  ])(
    'refuses a refresh from %s with 403 ORIGIN_NOT_ALLOWED, and the session is untouched',
    async (_name, headers) => {
      const cookie = await session();
      const refused = await refresh(cookie, headers);
      expectProblem(refused, 403, 'ORIGIN_NOT_ALLOWED');
      expect(refused.headers['set-cookie']).toBeUndefined();
      // Refused before any work: the token was not used, so it still refreshes (no reuse alarm).
      expectStatus(await refresh(cookie, { Origin: 'http://linli.test' }), 200);
    },
  );

  it('refuses a cross-site logout, so another site cannot sign a person out', async () => {
    const cookie = await session();
    const refused = await api.http
      .post('/api/v1/auth/logout')
      .set('Host', 'linli.test')
      .set('Origin', 'https://evil.example')
      .set('Cookie', `${COOKIE}=${cookie}`);
    expectProblem(refused, 403, 'ORIGIN_NOT_ALLOWED');
    expectStatus(await refresh(cookie, {}), 200);
  });

  it('refuses a cross-site sign-in (login CSRF: no planting of another account), in the caller’s language', async () => {
    const refused = await login().set('Origin', 'https://evil.example').set('Accept-Language', 'en');
    expectProblem(refused, 403, 'ORIGIN_NOT_ALLOWED');
    expect(refused.body.title).toBe('Requests from this site are not allowed');
    expect(refused.headers['set-cookie']).toBeUndefined();
    expectStatus(await login().set('Origin', 'http://linli.test'), 200);
  });

  it('leaves bearer-authenticated endpoints alone: no cookie there, so nothing to forge', async () => {
    const bearer = await bearerFor(api, t.accounts.organiser.email);
    const created = await api.http
      .post('/api/v1/estates')
      .set('Origin', 'https://evil.example')
      .set('authorization', bearer)
      .send({ name: '跨站小区' });
    expectStatus(created, 201);
  });
});
