import { createTenant, Tenant } from '@linli/identity/testing';
import { createShift, makeShift } from '@linli/volunteering/testing';
import { FixedClock } from '@linli/platform';
import { startTestApi, TestApi } from '../../support/test-api';
import { bearerFor } from '../../support/auth';
import { signedInVolunteer } from './volunteering-e2e.helpers';

const NOW = new Date('2026-12-01T00:00:00Z');

describe('claims: confirm, waitlist, cancel, promote; every refusal coded', () => {
  let api: TestApi;
  let tenant: Tenant;
  let organiser: string;
  let volunteer: string;
  const clock = new FixedClock(NOW);

  beforeAll(async () => {
    api = await startTestApi({ clock });
    tenant = await createTenant(api.em());
    organiser = await bearerFor(api, tenant.accounts.organiser.email);
    volunteer = await bearerFor(api, tenant.accounts.volunteer.email);
  });
  afterAll(() => api.close());

  const shift = (overrides: Parameters<typeof makeShift>[2] = {}) =>
    createShift(api.em(), tenant.community.id, { now: NOW, ...overrides });

  const volunteerAccount = () =>
    signedInVolunteer(api, tenant.community, { qualifications: ['健康证'], birthYear: 1990 });

  it('confirms while places are free, then waitlists, and counts never pass capacity', async () => {
    const s = await shift({ capacity: 1 });
    const first = await volunteerAccount();
    const second = await volunteerAccount();
    const a = await api.http.post(`/api/v1/shifts/${s.id}/claims`).set('authorization', first.token).send({});
    const b = await api.http
      .post(`/api/v1/shifts/${s.id}/claims`)
      .set('authorization', second.token)
      .send({});
    expect([a.status, a.body.status]).toEqual([201, 'confirmed']);
    expect([b.status, b.body.status]).toEqual([201, 'waitlisted']);
    const view = await api.http.get(`/api/v1/shifts/${s.id}`).set('authorization', organiser);
    expect(view.body).toMatchObject({ capacity: 1, confirmed: 1, free: 0 });
  });

  it('promotes the first on the waitlist when a confirmed person cancels', async () => {
    const s = await shift({ capacity: 1 });
    const [a, b, c] = [await volunteerAccount(), await volunteerAccount(), await volunteerAccount()];
    const claimA = await api.http
      .post(`/api/v1/shifts/${s.id}/claims`)
      .set('authorization', a.token)
      .send({});
    const claimB = await api.http
      .post(`/api/v1/shifts/${s.id}/claims`)
      .set('authorization', b.token)
      .send({});
    await api.http.post(`/api/v1/shifts/${s.id}/claims`).set('authorization', c.token).send({});
    const cancelled = await api.http
      .post(`/api/v1/claims/${claimA.body.id}/cancel`)
      .set('authorization', a.token)
      .send();
    expect(cancelled.body.status).toBe('cancelled');
    const mine = await api.http.get(`/api/v1/claims?shiftId=${s.id}`).set('authorization', b.token);
    expect(mine.body.items.find((x: { id: string }) => x.id === claimB.body.id).status).toBe('confirmed');
  });

  it('refuses a second claim on the same shift with ALREADY_CLAIMED', async () => {
    const s = await shift();
    const v = await volunteerAccount();
    await api.http.post(`/api/v1/shifts/${s.id}/claims`).set('authorization', v.token).send({});
    const again = await api.http.post(`/api/v1/shifts/${s.id}/claims`).set('authorization', v.token).send({});
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_CLAIMED']);
  });

  it('refuses an overlapping shift and says which one', async () => {
    const v = await volunteerAccount();
    const morning = await shift({ startsInHours: 72, hours: 3, title: '城南市集 · 修鞋' });
    const overlapping = await shift({ startsInHours: 74, hours: 2 });
    await api.http.post(`/api/v1/shifts/${morning.id}/claims`).set('authorization', v.token).send({});
    const refused = await api.http
      .post(`/api/v1/shifts/${overlapping.id}/claims`)
      .set('authorization', v.token)
      .send({});
    expect([refused.status, refused.body.code]).toEqual([409, 'CLAIM_OVERLAPS']);
    expect(refused.body.detail).toContain('城南市集 · 修鞋');
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
  });

  it.each<[string, Parameters<typeof makeShift>[2], number, string]>([
    ['a missing qualification', { requiredQualifications: ['电工证'] }, 422, 'QUALIFICATION_MISSING'],
    ['a minimum age', { minAge: 70 }, 422, 'AGE_BELOW_MINIMUM'],
    ['a partner-kind reservation', { reservedForKinds: ['stationed_unit'] }, 422, 'PARTNER_KIND_REQUIRED'],
    ['a sign-up window not yet open', { startsInHours: 24 * 60 }, 422, 'SIGNUP_NOT_OPEN'],
    ['a cancelled shift', { status: 'cancelled' }, 409, 'SHIFT_CANCELLED'],
    ['a shift that already started', { startsInHours: -1 }, 409, 'SHIFT_STARTED'],
  ])('refuses %s with a coded answer', async (_name, overrides, status, code) => {
    const s = await shift(overrides);
    const v = await volunteerAccount();
    const refused = await api.http
      .post(`/api/v1/shifts/${s.id}/claims`)
      .set('authorization', v.token)
      .send({});
    expect([refused.status, refused.body.code]).toEqual([status, code]);
  });

  it('refuses a full shift inside the cut-off instead of waitlisting', async () => {
    const s = await shift({ capacity: 1, startsInHours: 2 });
    await api.http
      .post(`/api/v1/shifts/${s.id}/claims`)
      .set('authorization', (await volunteerAccount()).token)
      .send({});
    const late = await api.http
      .post(`/api/v1/shifts/${s.id}/claims`)
      .set('authorization', (await volunteerAccount()).token)
      .send({});
    expect([late.status, late.body.code]).toEqual([409, 'SHIFT_FULL']);
  });

  it('does not let a volunteer cancel inside the cut-off, but an organiser can', async () => {
    const s = await shift({ startsInHours: 2 });
    const v = await volunteerAccount();
    const claim = await api.http.post(`/api/v1/shifts/${s.id}/claims`).set('authorization', v.token).send({});
    const self = await api.http
      .post(`/api/v1/claims/${claim.body.id}/cancel`)
      .set('authorization', v.token)
      .send();
    expect([self.status, self.body.code]).toEqual([409, 'CANCEL_CUTOFF_PASSED']);
    const staff = await api.http
      .post(`/api/v1/claims/${claim.body.id}/cancel`)
      .set('authorization', organiser)
      .send();
    expect(staff.status).toBe(200);
  });

  it('replays the first answer for a retried Idempotency-Key and refuses the key with another body', async () => {
    const s = await shift();
    const v = await volunteerAccount();
    const send = (body: object) =>
      api.http
        .post(`/api/v1/shifts/${s.id}/claims`)
        .set('authorization', v.token)
        .set('idempotency-key', 'retry-key-0001')
        .send(body);
    const first = await send({});
    const retry = await send({});
    expect(retry.status).toBe(first.status);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const other = await send({ personId: v.person.id });
    expect([other.status, other.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
  });

  it('lets an organisation hold places and its coordinator assign members; individuals cannot take held places', async () => {
    const s = await shift({ capacity: 3 });
    const coordinator = await bearerFor(api, tenant.accounts.coordinator.email);
    const reserved = await api.http
      .post(`/api/v1/shifts/${s.id}/reservations`)
      .set('authorization', coordinator)
      .send({ organisationId: tenant.organisation.id, places: 2 });
    expect([reserved.status, reserved.body.places]).toEqual([201, 2]);
    const [x, y] = [await volunteerAccount(), await volunteerAccount()];
    expect(
      (await api.http.post(`/api/v1/shifts/${s.id}/claims`).set('authorization', x.token).send({})).body
        .status,
    ).toBe('confirmed');
    expect(
      (await api.http.post(`/api/v1/shifts/${s.id}/claims`).set('authorization', y.token).send({})).body
        .status,
    ).toBe('waitlisted');
    const assigned = await api.http
      .post(`/api/v1/reservations/${reserved.body.id}/assignments`)
      .set('authorization', coordinator)
      .send({ personId: tenant.people.member.id });
    expect([assigned.status, assigned.body.status, assigned.body.source]).toEqual([
      201,
      'confirmed',
      'organisation',
    ]);
    const outsider = await api.http
      .post(`/api/v1/reservations/${reserved.body.id}/assignments`)
      .set('authorization', coordinator)
      .send({ personId: x.person.id });
    expect([outsider.status, outsider.body.code]).toEqual([422, 'NOT_A_MEMBER']);
    const view = await api.http.get(`/api/v1/shifts/${s.id}`).set('authorization', organiser);
    expect(view.body).toMatchObject({ confirmed: 2, held: 1, free: 0 });
    // The coordinator sees the claims of their organisation's members only.
    const listed = await api.http.get(`/api/v1/claims?shiftId=${s.id}`).set('authorization', coordinator);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((c: { personId: string }) => c.personId)).toEqual([tenant.people.member.id]);
  });

  it('volunteers cannot claim for someone else', async () => {
    const s = await shift();
    const refused = await api.http
      .post(`/api/v1/shifts/${s.id}/claims`)
      .set('authorization', volunteer)
      .send({ personId: tenant.people.member.id });
    expect([refused.status, refused.body.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('uses membership kinds for partner-kind gates', async () => {
    const em = api.em();
    const s = makeShift(em, tenant.community.id, {
      now: NOW,
      startsInHours: 100,
      reservedForKinds: ['social_organisation'],
    });
    await em.flush();
    const member = await api.http
      .post(`/api/v1/shifts/${s.id}/claims`)
      .set('authorization', organiser)
      .send({ personId: tenant.people.member.id });
    expect([member.status, member.body.source]).toEqual([201, 'organiser']);
  });
});
