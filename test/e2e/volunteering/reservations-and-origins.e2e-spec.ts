import { RequestContext } from '@mikro-orm/core';
import { FixedClock, inTransaction, scopeToCommunity } from '@linli/platform';
import { createTenant, Tenant } from '@linli/identity/testing';
import { ReservationsUseCase, ShiftsService } from '@linli/volunteering';
import { createPerson, makeShift } from '@linli/volunteering/testing';
import { startTestApi, TestApi } from '../../support/test-api';
import { bearerFor } from '../../support/auth';

const NOW = new Date('2026-12-01T00:00:00Z');
const HOUR = 3600_000;

describe('reservation release, other contexts staffing their records, transient retries', () => {
  let api: TestApi;
  let tenant: Tenant;
  let organiser: string;
  const clock = new FixedClock(NOW);

  beforeAll(async () => {
    api = await startTestApi({ clock });
    tenant = await createTenant(api.em());
    organiser = await bearerFor(api, tenant.accounts.organiser.email);
  });
  afterAll(() => api.close());

  const counters = async (shiftId: string) =>
    (
      await api
        .em()
        .getConnection()
        .execute(`SELECT confirmed_count, held_count FROM shift WHERE id = ?`, [shiftId])
    )[0];

  it('gives unassigned organisation places back at the lead time (24 h), and the waitlist takes them first', async () => {
    clock.set(NOW);
    const em = api.em();
    const shift = makeShift(em, tenant.community.id, { now: NOW, capacity: 3, startsInHours: 72 });
    await em.flush();
    const waiting = await createPerson(api.em(), tenant.community, { name: '候补志愿者' });
    const reserved = await api.http
      .post(`/api/v1/shifts/${shift.id}/reservations`)
      .set('authorization', organiser)
      .send({ organisationId: tenant.organisation.id, places: 3 });
    expect(reserved.status).toBe(201);
    expect(new Date(reserved.body.releaseAt).getTime()).toBe(shift.startsAt.getTime() - 24 * HOUR);
    await api.http
      .post(`/api/v1/reservations/${reserved.body.id}/assignments`)
      .set('authorization', organiser)
      .send({ personId: tenant.people.member.id });
    const queued = await api.http
      .post(`/api/v1/shifts/${shift.id}/claims`)
      .set('authorization', organiser)
      .send({ personId: waiting.id });
    expect(queued.body.status).toBe('waitlisted');

    const releases = api.app.get(ReservationsUseCase);
    expect(await releases.releaseDue()).toBe(0); // not yet due
    clock.set(new Date(shift.startsAt.getTime() - 24 * HOUR));
    expect(await releases.releaseDue()).toBe(1);
    expect(await releases.releaseDue()).toBe(0); // once
    expect(await counters(shift.id)).toEqual({ confirmed_count: 2, held_count: 0 });
    const claims = await api.http.get(`/api/v1/claims?shiftId=${shift.id}`).set('authorization', organiser);
    expect(claims.body.items.find((c: { personId: string }) => c.personId === waiting.id).status).toBe(
      'confirmed',
    );
    const reservations = await api.http
      .get(`/api/v1/shifts/${shift.id}/reservations`)
      .set('authorization', organiser);
    expect(reservations.body[0]).toMatchObject({ status: 'released', assigned: 1 });
    clock.set(NOW);
  });

  it('lets another context create, find, move and cancel the shifts that staff its own records', async () => {
    // As another context's use case would: inside its own request context, scoped to its community.
    await RequestContext.create(api.orm.em, async () => {
      scopeToCommunity(api.orm.em, tenant.community.id);
      await staffAMarketSession();
    });
  });

  async function staffAMarketSession() {
    const shifts = api.app.get(ShiftsService);
    const origin = { context: 'market_session', id: 'session-2026-12-04-friday' };
    const startsAt = new Date(NOW.getTime() + 72 * HOUR);
    const created = await shifts.schedule(
      tenant.community.id,
      {
        title: '城南市集 · 理发',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * HOUR),
        timeZone: 'Asia/Shanghai',
        capacity: 2,
      },
      origin,
    );
    const listed = await shifts.list(tenant.community.id, {
      page: 1,
      pageSize: 10,
      sort: 'startsAt',
      origin,
    });
    expect(listed.items.map((s) => s.id)).toEqual([created.id]);
    const moved = await shifts.change(tenant.community.id, created.id, {
      startsAt: new Date(startsAt.getTime() + HOUR),
      endsAt: new Date(startsAt.getTime() + 4 * HOUR),
    });
    expect(moved.version).toBe(2);
    const { shift: cancelled } = await shifts.cancel(tenant.community.id, created.id, '市集改期');
    expect([cancelled.status, cancelled.version]).toEqual(['cancelled', 3]);
    const view = await api.http.get(`/api/v1/shifts/${created.id}`).set('authorization', organiser);
    expect(view.body.origin).toEqual(origin);
  }

  it('retries a transaction that hit a deadlock or serialization failure, so callers never see it', async () => {
    let attempts = 0;
    const result = await inTransaction(api.em(), async (em) => {
      attempts++;
      if (attempts < 3)
        await em
          .getConnection()
          .execute(
            `DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '40P01', MESSAGE = 'simulated deadlock'; END $$`,
          );
      return 'done';
    });
    expect([result, attempts]).toEqual(['done', 3]);
    let serialization = 0;
    await inTransaction(api.em(), async (em) => {
      if (serialization++ === 0)
        await em
          .getConnection()
          .execute(`DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '40001', MESSAGE = 'simulated'; END $$`);
    });
    expect(serialization).toBe(2);
  });

  it('honours Idempotency-Key on reservation and assignment POSTs', async () => {
    const em = api.em();
    const shift = makeShift(em, tenant.community.id, { now: NOW, capacity: 4, startsInHours: 150 });
    await em.flush();
    const reserve = () =>
      api.http
        .post(`/api/v1/shifts/${shift.id}/reservations`)
        .set('authorization', organiser)
        .set('idempotency-key', `reserve-${shift.id}`)
        .send({ organisationId: tenant.organisation.id, places: 2 });
    const first = await reserve();
    const retry = await reserve();
    expect([first.status, retry.status, retry.body.id]).toEqual([201, 201, first.body.id]);
    const assign = () =>
      api.http
        .post(`/api/v1/reservations/${first.body.id}/assignments`)
        .set('authorization', organiser)
        .set('idempotency-key', `assign-${shift.id}`)
        .send({ personId: tenant.people.member.id });
    const assigned = await assign();
    const again = await assign();
    expect([assigned.status, again.status, again.body.id]).toEqual([201, 201, assigned.body.id]);
    expect(await counters(shift.id)).toEqual({ confirmed_count: 1, held_count: 1 });
  });
});
