import { createTenant, setAccountActive, Tenant, TEST_PASSWORD } from '@linli/identity/testing';
import { TokenService } from '@linli/platform';
import { startTestApi, TestApi } from '../support/test-api';
import { bearerFor } from '../support/auth';

describe('auth: login, /me, roles', () => {
  let api: TestApi;
  let tenant: Tenant;

  beforeAll(async () => {
    api = await startTestApi();
    tenant = await createTenant(api.em());
  });
  afterAll(() => api.close());

  it('logs in with email and returns a bearer token and who I am', async () => {
    const response = await api.http
      .post('/api/v1/auth/login')
      .send({ login: tenant.accounts.organiser.email, password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      me: { account: { role: 'organiser' }, community: { id: tenant.community.id } },
    });
    const me = await api.http.get('/api/v1/me').set('authorization', `Bearer ${response.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body.person).toEqual({ id: tenant.people.organiser.id, name: '组织者' });
  });

  it('matches email case-insensitively', async () => {
    const response = await api.http
      .post('/api/v1/auth/login')
      .send({ login: tenant.accounts.volunteer.email!.toUpperCase(), password: TEST_PASSWORD });
    expect(response.status).toBe(200);
  });

  it('answers 401 problem+json for a wrong password and for an unknown login, alike', async () => {
    const wrong = await api.http
      .post('/api/v1/auth/login')
      .send({ login: tenant.accounts.organiser.email, password: 'nope' });
    const unknown = await api.http
      .post('/api/v1/auth/login')
      .send({ login: 'nobody@test.linli', password: 'nope' });
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toBe('INVALID_CREDENTIALS');
    }
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('answers 401 without a token, with a malformed one and with a forged one', async () => {
    const none = await api.http.get('/api/v1/me');
    const malformed = await api.http.get('/api/v1/me').set('authorization', 'Bearer not-a-jwt');
    const forged = await api.http.get('/api/v1/me').set('authorization', `Bearer ${forge(tenant)}`);
    for (const response of [none, malformed, forged]) {
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers 403 FORBIDDEN when the role does not allow the action', async () => {
    const volunteer = await bearerFor(api, tenant.accounts.volunteer.email);
    const response = await api.http
      .post('/api/v1/estates')
      .set('authorization', volunteer)
      .send({ name: '新小区' });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('FORBIDDEN');
  });

  it('refuses a deactivated account', async () => {
    await setAccountActive(api.em(), tenant.accounts.volunteer.id, false);
    try {
      const response = await api.http
        .post('/api/v1/auth/login')
        .send({ login: tenant.accounts.volunteer.email, password: TEST_PASSWORD });
      expect(response.status).toBe(401);
    } finally {
      await setAccountActive(api.em(), tenant.accounts.volunteer.id, true);
    }
  });

  it('lets an organiser create a login for a volunteer, who can then sign in by phone', async () => {
    const organiser = await bearerFor(api, tenant.accounts.organiser.email);
    const created = await api.http
      .post('/api/v1/accounts')
      .set('authorization', organiser)
      .send({
        phone: '+86 138 0000 1234'.replace(/ /g, ''),
        password: 'a-long-password',
        role: 'volunteer',
        personId: tenant.people.member.id,
      });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('passwordHash');
    const login = await api.http
      .post('/api/v1/auth/login')
      .send({ login: '+86 138 0000 1234', password: 'a-long-password' });
    expect(login.status).toBe(200);
    expect(login.body.me.person.id).toBe(tenant.people.member.id);
  });

  function forge(t: Tenant): string {
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    const body = Buffer.from(
      JSON.stringify({ sub: t.accounts.organiser.id, cid: t.community.id, role: 'organiser', iss: 'linli' }),
    ).toString('base64url');
    return `${header}.${body}.${Buffer.from('bad signature').toString('base64url')}`;
  }

  it('issues tokens only the server can verify', () => {
    expect(api.app.get(TokenService).verify(forge(tenant))).toBeUndefined();
  });
});
