import { createTenant, makeEstate, Tenant } from '@linli/identity/testing';
import { createPerson, createShift, makeShift } from '@linli/volunteering/testing';
import { FixedClock } from '@linli/platform';
import { startTestApi, TestApi } from '../../support/test-api';
import { bearerFor } from '../../support/auth';
import { placeOnShift, shanghai } from './volunteering-e2e.helpers';

const NOW = new Date('2026-12-01T00:00:00Z');
const HOUR = 3600_000;
const after = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

interface OutboxRow {
  type: string;
  version: number;
  aggregate_id: string;
  payload: Record<string, unknown>;
}

describe('bulk changes: cancel or postpone everything in a time range at a place', () => {
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

  const shift = (overrides: Parameters<typeof makeShift>[2] = {}) =>
    createShift(api.em(), tenant.community.id, { now: NOW, ...overrides });

  const person = () => createPerson(api.em(), tenant.community);

  async function estate() {
    const em = api.em();
    const created = makeEstate(em, tenant.community);
    await em.flush();
    return created;
  }

  const place = (shiftId: string, personId: string) => placeOnShift(api, organiser, shiftId, personId);

  const get = async (shiftId: string) =>
    (await api.http.get(`/api/v1/shifts/${shiftId}`).set('authorization', organiser)).body;

  const events = (shiftId: string) =>
    api
      .em()
      .getConnection()
      .execute<OutboxRow[]>(
        `SELECT type, version, aggregate_id, payload FROM outbox_event WHERE aggregate_id = ? ORDER BY id`,
        [shiftId],
      );

  it('cancels the open shifts in the range at the estate and records everyone affected', async () => {
    const rainy = await estate();
    const a = await shift({ startsInHours: 26, estate: rainy, capacity: 1 });
    const b = await shift({ startsInHours: 30, estate: rainy });
    const later = await shift({ startsInHours: 60, estate: rainy });
    const elsewhere = await shift({ startsInHours: 27, estate: tenant.estate });
    const underway = await shift({ startsInHours: -1, estate: rainy });
    const [p1, p2, p3] = [await person(), await person(), await person()];
    await place(a.id, p1.id);
    expect((await place(a.id, p2.id)).status).toBe('waitlisted');
    await place(b.id, p3.id);

    const response = await api.http
      .post('/api/v1/shifts/bulk-cancel')
      .set('authorization', organiser)
      .send({
        from: after(-2).toISOString(),
        to: after(48).toISOString(),
        estateId: rainy.id,
        reason: '暴雨 heavy rain',
      });
    expect(response.status).toBe(200);
    expect(response.body.count).toBe(2);
    expect(response.body.shifts.map((s: { shift: { id: string } }) => s.shift.id)).toEqual([a.id, b.id]);
    expect(response.body.affectedPersonIds.sort()).toEqual([p1.id, p2.id, p3.id].sort());
    expect(response.body.shifts[0].shift).toMatchObject({ status: 'cancelled', confirmed: 0, version: 2 });

    for (const untouched of [later, elsewhere, underway])
      expect((await get(untouched.id)).status).toBe('open');
    const claims = await api.http.get(`/api/v1/claims?shiftId=${a.id}`).set('authorization', organiser);
    expect(claims.body.items.map((c: { status: string }) => c.status)).toEqual(['cancelled', 'cancelled']);

    const cancelled = (await events(a.id)).filter((e) => e.type === 'ShiftCancelled');
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0].version).toBe(2);
    expect(cancelled[0].payload).toMatchObject({
      shiftId: a.id,
      status: 'cancelled',
      reason: '暴雨 heavy rain',
    });
    expect((cancelled[0].payload.affectedPersonIds as string[]).sort()).toEqual([p1.id, p2.id].sort());

    // A retry finds nothing left to cancel.
    const again = await api.http
      .post('/api/v1/shifts/bulk-cancel')
      .set('authorization', organiser)
      .send({
        from: after(-2).toISOString(),
        to: after(48).toISOString(),
        estateId: rainy.id,
        reason: '暴雨',
      });
    expect([again.status, again.body.count]).toEqual([200, 0]);
  });

  it('postpones every shift at the place with its claims, all latest first so neighbours never collide', async () => {
    const hall = `礼堂 ${Math.random()}`;
    const morning = await shift({ startsInHours: 49, hours: 2, locationText: hall });
    const noon = await shift({ startsInHours: 51.5, hours: 1.5, locationText: hall, capacity: 3 });
    const [p1, p2] = [await person(), await person()];
    await place(morning.id, p1.id);
    await place(noon.id, p1.id);
    await place(noon.id, p2.id);
    const reservation = await api.http
      .post(`/api/v1/shifts/${noon.id}/reservations`)
      .set('authorization', organiser)
      .send({ organisationId: tenant.organisation.id, places: 1 });
    expect(reservation.status).toBe(201);

    const response = await api.http
      .post('/api/v1/shifts/bulk-postpone')
      .set('authorization', organiser)
      .set('idempotency-key', `postpone-${morning.id}`)
      .send({
        from: after(24).toISOString(),
        to: after(72).toISOString(),
        locationText: hall,
        byMinutes: 60,
        reason: '场地临时占用 the hall is needed',
      });
    expect(response.status).toBe(200);
    expect(response.body.shifts.map((s: { shift: { id: string } }) => s.shift.id)).toEqual([
      morning.id,
      noon.id,
    ]);
    expect(response.body.shifts[0]).toMatchObject({
      previousStartsAt: shanghai(after(49)),
      shift: { startsAt: shanghai(after(50)), endsAt: shanghai(after(52)), version: 2 },
      affectedPersonIds: [p1.id],
    });
    expect(response.body.affectedPersonIds.sort()).toEqual([p1.id, p2.id].sort());

    const claims = await api.http.get(`/api/v1/claims?shiftId=${noon.id}`).set('authorization', organiser);
    for (const c of claims.body.items) expect(c.startsAt).toBe(shanghai(after(52.5)));
    const held = await api.http.get(`/api/v1/shifts/${noon.id}/reservations`).set('authorization', organiser);
    expect(held.body[0].releaseAt).toBe(shanghai(new Date(after(52.5).getTime() - 24 * HOUR)));

    const changed = (await events(noon.id)).filter((e) => e.type === 'ShiftChanged');
    expect(changed).toHaveLength(1);
    expect(changed[0].version).toBe(2);
    expect(changed[0].payload).toMatchObject({
      shiftId: noon.id,
      moved: true,
      startsAt: after(52.5).toISOString(),
      previousStartsAt: after(51.5).toISOString(),
      postponedByMinutes: 60,
      reason: '场地临时占用 the hall is needed',
    });
    expect((changed[0].payload.affectedPersonIds as string[]).sort()).toEqual([p1.id, p2.id].sort());

    // A retried request is replayed, not postponed a second time.
    const retry = await api.http
      .post('/api/v1/shifts/bulk-postpone')
      .set('authorization', organiser)
      .set('idempotency-key', `postpone-${morning.id}`)
      .send({
        from: after(24).toISOString(),
        to: after(72).toISOString(),
        locationText: hall,
        byMinutes: 60,
        reason: '场地临时占用 the hall is needed',
      });
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect((await get(morning.id)).startsAt).toBe(shanghai(after(50)));
  });

  it('moves nothing when the postponement would give someone two overlapping shifts', async () => {
    const square = `广场 ${Math.random()}`;
    const moved = await shift({ startsInHours: 80, hours: 1, locationText: square });
    const other = await shift({ startsInHours: 81.5, hours: 1, locationText: '别处' });
    const free = await shift({ startsInHours: 84, hours: 1, locationText: square });
    const p = await person();
    await place(moved.id, p.id);
    await place(other.id, p.id);
    const refused = await api.http
      .post('/api/v1/shifts/bulk-postpone')
      .set('authorization', organiser)
      .send({
        from: after(72).toISOString(),
        to: after(96).toISOString(),
        locationText: square,
        byMinutes: 60,
        reason: '延后',
      });
    expect([refused.status, refused.body.code]).toEqual([409, 'CLAIM_OVERLAPS']);
    for (const s of [moved, free]) {
      const view = await get(s.id);
      expect([view.startsAt, view.version]).toEqual([shanghai(s.startsAt), 1]);
      expect((await events(s.id)).filter((e) => e.type === 'ShiftChanged')).toEqual([]);
    }
  });

  it('is for organisers only and refuses unclear requests', async () => {
    const volunteer = await bearerFor(api, tenant.accounts.volunteer.email);
    const body = { from: after(1).toISOString(), to: after(5).toISOString(), reason: '停电' };
    const forbidden = await api.http
      .post('/api/v1/shifts/bulk-cancel')
      .set('authorization', volunteer)
      .send(body);
    expect([forbidden.status, forbidden.body.code]).toEqual([403, 'FORBIDDEN']);
    for (const bad of [
      { ...body, estateId: tenant.estate.id, locationText: '两处' },
      { ...body, to: after(0).toISOString() },
      { ...body, to: after(24 * 40).toISOString() },
      { ...body, reason: '' },
    ]) {
      const response = await api.http
        .post('/api/v1/shifts/bulk-cancel')
        .set('authorization', organiser)
        .send(bad);
      expect([response.status, response.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const noDuration = await api.http
      .post('/api/v1/shifts/bulk-postpone')
      .set('authorization', organiser)
      .send({ ...body, byMinutes: 0 });
    expect([noDuration.status, noDuration.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
