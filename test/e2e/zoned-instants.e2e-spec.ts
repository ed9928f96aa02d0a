import { createTenant, Tenant } from '@linli/identity/testing';
import { createClaim, createShift } from '@linli/volunteering/testing';
import { FixedClock } from '@linli/platform';
import { startTestApi, TestApi } from '../support/test-api';
import { signInAll, type Bearers } from '../support/auth';

const NOW = new Date('2026-03-20T12:00:00Z');

/**
 * Issue 12: instants are written in the zone the answer names, with its offset
 * (`2026-12-07T09:00:00+08:00`), so a client shows the wall clock without a zone database; a
 * community in a zone with summer time gets the offset in force at each instant. Clients may send
 * any RFC 3339 offset.
 */
describe('instants in answers: the zone named, its offset written', () => {
  let api: TestApi;
  let tenant: Tenant;
  let as: Bearers;

  beforeAll(async () => {
    api = await startTestApi({ clock: new FixedClock(NOW) });
    const em = api.em();
    tenant = await createTenant(em);
    // A community in New York: -05:00 in winter, -04:00 from 8 March 2026.
    em.assign(tenant.community, { timeZone: 'America/New_York' });
    await em.flush();
    as = await signInAll(api, tenant);
  });
  afterAll(() => api.close());

  it("writes a community's records in its zone, with the offset in force at each instant", async () => {
    const winter = await createShift(api.em(), tenant.community.id, {
      now: new Date('2026-03-01T14:00:00Z'),
      startsInHours: 0,
      timeZone: 'America/New_York',
    });
    const summer = await createShift(api.em(), tenant.community.id, {
      now: new Date('2026-03-25T13:00:00Z'),
      startsInHours: 0,
      timeZone: 'America/New_York',
    });
    await createClaim(api.em(), winter, tenant.people.volunteer.id, {
      status: 'completed',
      creditedMinutes: 120,
    });
    await createClaim(api.em(), summer, tenant.people.volunteer.id);
    const claims = await api.http.get('/api/v1/claims?sort=startsAt').set('authorization', as.volunteer);
    expect(claims.status).toBe(200);
    expect(
      claims.body.items.map((c: { startsAt: string; timeZone: string }) => [c.startsAt, c.timeZone]),
    ).toEqual([
      ['2026-03-01T09:00:00-05:00', 'America/New_York'],
      ['2026-03-25T09:00:00-04:00', 'America/New_York'],
    ]);
    const estate = await api.http
      .get(`/api/v1/estates/${tenant.estate.id}`)
      .set('authorization', as.volunteer);
    expect(estate.body.timeZone).toBe('America/New_York');
    expect(estate.body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?-0[45]:00$/);
  });

  it("writes a shift's instants in the shift's own zone, which it names", async () => {
    const shift = await createShift(api.em(), tenant.community.id, {
      now: new Date('2026-04-01T01:00:00Z'),
      startsInHours: 0,
      timeZone: 'Asia/Shanghai',
    });
    const response = await api.http.get(`/api/v1/shifts/${shift.id}`).set('authorization', as.volunteer);
    expect(response.body).toMatchObject({
      startsAt: '2026-04-01T09:00:00+08:00',
      endsAt: '2026-04-01T11:00:00+08:00',
      timeZone: 'Asia/Shanghai',
    });
  });

  it('accepts any RFC 3339 offset in a request, and refuses a shift in a zone that does not exist', async () => {
    const base = { title: '夜市', capacity: 2, timeZone: 'America/New_York' };
    const created = await Promise.all(
      [
        ['2026-04-02T13:00:00Z', '2026-04-02T15:00:00Z'],
        ['2026-04-02T09:00:00-04:00', '2026-04-02T11:00:00-04:00'],
        ['2026-04-02T21:00:00+08:00', '2026-04-02T23:00:00+08:00'],
      ].map(([startsAt, endsAt]) =>
        api.http
          .post('/api/v1/shifts')
          .set('authorization', as.organiser)
          .send({ ...base, startsAt, endsAt }),
      ),
    );
    expect(created.map((r) => [r.status, r.body.startsAt])).toEqual(
      Array(3).fill([201, '2026-04-02T09:00:00-04:00']),
    );
    const mars = await api.http
      .post('/api/v1/shifts')
      .set('authorization', as.organiser)
      .send({
        ...base,
        timeZone: 'Mars/Olympus_Mons',
        startsAt: '2026-04-02T13:00:00Z',
        endsAt: '2026-04-02T15:00:00Z',
      });
    expect([mars.status, mars.body.code, mars.body.errors?.[0]?.field]).toEqual([
      400,
      'VALIDATION_FAILED',
      'body.timeZone',
    ]);
  });
});
