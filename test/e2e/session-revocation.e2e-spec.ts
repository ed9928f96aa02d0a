import { createTenant, setAccountActive, Tenant, TEST_PASSWORD } from '@linli/identity/testing';
import { FixedClock, SESSION_CACHE_MS } from '@linli/platform';
import { startTestApi, TestApi } from '../support/test-api';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { bearerFor } from '../support/auth';
import { expectProblem, expectStatus } from './identity-e2e.helpers';

/**
 * Revocation at once: each request checks the account's session version and that the account and
 * its person are still active (cached per process for SESSION_CACHE_MS). Disabling an account and
 * deactivating or removing a person bump the version, so the tokens they hold stop working, and
 * stay dead if the account is enabled again.
 */
describe('revoking access tokens', () => {
  let database: TestDatabase;
  let api: TestApi;
  let other: TestApi;
  const otherClock = new FixedClock(new Date());
  let t: Tenant;
  let organiser: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApi({ database });
    // A second API process on the same database, with a clock the test moves.
    other = await startTestApi({ database, clock: otherClock });
    t = await createTenant(api.em());
    organiser = await bearerFor(api, t.accounts.organiser.email);
  });
  afterAll(async () => {
    await api.close();
    await other.close();
    await database.drop();
  });

  // Any signed-in route (not /me, which reads the account itself).
  const me = (bearer: string, on: TestApi = api) =>
    on.http.get('/api/v1/estates').set('authorization', bearer);
  const patchAccount = (id: string, body: Record<string, unknown>) =>
    api.http.patch(`/api/v1/accounts/${id}`).set('authorization', organiser).send(body);
  const login = (email: string | undefined) =>
    api.http.post('/api/v1/auth/login').send({ login: email, password: TEST_PASSWORD });

  it('disabling an account ends its tokens at once; enabling it again does not bring them back', async () => {
    const volunteer = await bearerFor(api, t.accounts.volunteer.email);
    expectStatus(await me(volunteer), 200);
    const disabled = await patchAccount(t.accounts.volunteer.id, { active: false });
    expectStatus(disabled, 200);
    expect(disabled.body).toMatchObject({ id: t.accounts.volunteer.id, active: false });
    expectProblem(await me(volunteer), 401, 'UNAUTHENTICATED');
    expectProblem(
      await api.http.get(`/api/v1/people/${t.people.volunteer.id}`).set('authorization', volunteer),
      401,
      'UNAUTHENTICATED',
    );
    expect((await login(t.accounts.volunteer.email)).status).toBe(401);

    expectStatus(await patchAccount(t.accounts.volunteer.id, { active: true }), 200);
    expectProblem(await me(volunteer), 401, 'UNAUTHENTICATED');
    expectStatus(await me(await bearerFor(api, t.accounts.volunteer.email)), 200);
  });

  it('deactivating a person ends the tokens of their account', async () => {
    const coordinator = await bearerFor(api, t.accounts.coordinator.email);
    expectStatus(await me(coordinator), 200);
    const patched = await api.http
      .patch(`/api/v1/people/${t.people.coordinator.id}`)
      .set('authorization', organiser)
      .send({ active: false });
    expectStatus(patched, 200);
    expectProblem(await me(coordinator), 401, 'UNAUTHENTICATED');
    await api.http
      .patch(`/api/v1/people/${t.people.coordinator.id}`)
      .set('authorization', organiser)
      .send({ active: true });
    expectProblem(await me(coordinator), 401, 'UNAUTHENTICATED');
  });

  it('removing a person (deactivated: they have an account) ends their tokens', async () => {
    const tenant = await createTenant(api.em());
    const theirOrganiser = await bearerFor(api, tenant.accounts.organiser.email);
    const volunteer = await bearerFor(api, tenant.accounts.volunteer.email);
    const removed = await api.http
      .delete(`/api/v1/people/${tenant.people.volunteer.id}`)
      .set('authorization', theirOrganiser);
    expectStatus(removed, 200);
    expect(removed.body.outcome).toBe('deactivated');
    expectProblem(await me(volunteer), 401, 'UNAUTHENTICATED');
  });

  it('another process stops accepting the token once its short session cache expires', async () => {
    const tenant = await createTenant(api.em());
    const volunteer = await bearerFor(api, tenant.accounts.volunteer.email);
    expectStatus(await me(volunteer, other), 200);
    await setAccountActive(api.em(), tenant.accounts.volunteer.id, false);
    otherClock.advance(SESSION_CACHE_MS + 1);
    expectProblem(await me(volunteer, other), 401, 'UNAUTHENTICATED');
  });

  it('lets only organisers disable accounts, within their community; bad input is a 400', async () => {
    const tenant = await createTenant(api.em());
    const foreign = await patchAccount(tenant.accounts.volunteer.id, { active: false });
    expectProblem(foreign, 404, 'NOT_FOUND');
    expectStatus(await me(await bearerFor(api, tenant.accounts.volunteer.email)), 200);
    const volunteer = await bearerFor(api, tenant.accounts.volunteer.email);
    expectProblem(
      await api.http
        .patch(`/api/v1/accounts/${tenant.accounts.organiser.id}`)
        .set('authorization', volunteer)
        .send({ active: false }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await patchAccount(t.accounts.volunteer.id, { active: 'no' }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await patchAccount(t.accounts.volunteer.id, { role: 'organiser' }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await patchAccount('nope', { active: false }), 400, 'VALIDATION_FAILED');
  });

  it('an organiser cannot disable their own account (the community would lose its way in)', async () => {
    expectProblem(await patchAccount(t.accounts.organiser.id, { active: false }), 409, 'CONFLICT');
    expectStatus(await me(organiser), 200);
  });
});
