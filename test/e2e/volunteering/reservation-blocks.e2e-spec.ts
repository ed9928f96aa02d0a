import { createTenant, Tenant } from '@linli/identity/testing';
import { createClaim, createPerson, createReservation, createShift } from '@linli/volunteering/testing';
import { FixedClock } from '@linli/platform';
import { startTestApi, TestApi } from '../../support/test-api';
import { signInAll, type Bearers } from '../../support/auth';

// Tuesday 2026-12-01 08:00 in Shanghai.
const NOW = new Date('2026-12-01T00:00:00Z');
const at = (shanghai: string) => new Date(`${shanghai}+08:00`);

interface ListedReservation {
  id: string;
  places: number;
  assigned: number;
  status: string;
  releaseAt: string;
  timeZone: string;
  organisation: { id: string; name: string; kind: string };
  shift: { id: string; title: string; startsAt: string; timeZone: string };
}

/**
 * Issue 12: the coordinator's page lists its organisation's blocks and shrinks or withdraws them;
 * organisers see every organisation's.
 */
describe('reservations: list, shrink and cancel organisation blocks', () => {
  let api: TestApi;
  let tenant: Tenant;
  let as: Bearers;

  beforeAll(async () => {
    api = await startTestApi({ clock: new FixedClock(NOW) });
    tenant = await createTenant(api.em());
    as = await signInAll(api, tenant);
  });
  afterAll(() => api.close());

  const shift = (startsAt: Date, fields: Parameters<typeof createShift>[2] = {}) =>
    createShift(api.em(), tenant.community.id, { now: startsAt, startsInHours: 0, ...fields });
  const list = (bearer: string, query = '') =>
    api.http.get(`/api/v1/reservations${query}`).set('authorization', bearer);
  const post = (bearer: string, path: string, body?: object) => {
    const request = api.http.post(`/api/v1/reservations/${path}`).set('authorization', bearer);
    return body ? request.send(body) : request;
  };
  const shiftView = async (id: string) =>
    (await api.http.get(`/api/v1/shifts/${id}`).set('authorization', as.organiser)).body as {
      confirmed: number;
      held: number;
      free: number;
    };

  it("lists blocks with their shift and organisation: organisers every organisation's, coordinators their own", async () => {
    const early = await shift(at('2026-12-08T09:00:00'), { title: '城南市集 · 早' });
    const late = await shift(at('2026-12-09T09:00:00'), { title: '城南市集 · 晚' });
    const mine = await createReservation(api.em(), late, tenant.organisation.id, { places: 2 });
    const mineEarly = await createReservation(api.em(), early, tenant.organisation.id, { places: 1 });
    const theirs = await createReservation(api.em(), early, tenant.otherOrganisation.id, { places: 1 });

    const all = await list(as.organiser, '?from=2026-12-08T00:00:00%2B08:00&to=2026-12-10T00:00:00%2B08:00');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    const items = all.body.items as ListedReservation[];
    // By the shift's start, then by id.
    expect(items.map((r) => r.shift.id)).toEqual([early.id, early.id, late.id]);
    expect(
      items
        .map((r) => r.id)
        .slice(0, 2)
        .sort(),
    ).toEqual([mineEarly.id, theirs.id].sort());
    expect(items[2]).toMatchObject({
      id: mine.id,
      places: 2,
      assigned: 0,
      status: 'active',
      releaseAt: '2026-12-08T09:00:00+08:00',
      timeZone: 'Asia/Shanghai',
      organisation: {
        id: tenant.organisation.id,
        name: tenant.organisation.name,
        kind: 'social_organisation',
      },
      shift: {
        id: late.id,
        title: '城南市集 · 晚',
        startsAt: '2026-12-09T09:00:00+08:00',
        timeZone: 'Asia/Shanghai',
      },
    });

    const own = await list(
      as.coordinator,
      '?from=2026-12-08T00:00:00%2B08:00&to=2026-12-10T00:00:00%2B08:00',
    );
    expect((own.body.items as ListedReservation[]).map((r) => r.id).sort()).toEqual(
      [mine.id, mineEarly.id].sort(),
    );
    const filtered = await list(
      as.organiser,
      `?organisationId=${tenant.otherOrganisation.id}&shiftId=${early.id}`,
    );
    expect((filtered.body.items as ListedReservation[]).map((r) => r.id)).toEqual([theirs.id]);
    const paged = await list(as.organiser, '?from=2026-12-08T00:00:00%2B08:00&pageSize=1&page=9');
    expect([paged.body.items, paged.body.total]).toEqual([[], 3]);
  });

  it("refuses a coordinator another organisation's blocks, and volunteers any", async () => {
    const other = await list(as.coordinator, `?organisationId=${tenant.otherOrganisation.id}`);
    expect([other.status, other.body.code]).toEqual([403, 'FORBIDDEN']);
    const volunteer = await list(as.volunteer);
    expect([volunteer.status, volunteer.body.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('shrinks a block: the places given back go to the waitlist first, never below the members assigned', async () => {
    const s = await shift(at('2026-12-10T09:00:00'), { capacity: 3 });
    const held = await createReservation(api.em(), s, tenant.organisation.id, { places: 3 });
    await createClaim(api.em(), s, tenant.people.member.id, { reservation: held });
    const waiting = await createPerson(api.em(), tenant.community);
    await createClaim(api.em(), s, waiting.id, { status: 'waitlisted' });

    const below = await post(as.coordinator, `${held.id}/shrink`, { places: 0 });
    expect([below.status, below.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const notFewer = await post(as.coordinator, `${held.id}/shrink`, { places: 3 });
    expect([notFewer.status, notFewer.body.errors]).toEqual([
      400,
      [expect.objectContaining({ field: 'body.places' })],
    ]);

    const shrunk = await post(as.coordinator, `${held.id}/shrink`, { places: 2 });
    expect(shrunk.status).toBe(200);
    expect(shrunk.body).toMatchObject({ id: held.id, places: 2, assigned: 1, status: 'active' });
    // The freed place went to the person waiting.
    expect(await shiftView(s.id)).toMatchObject({ confirmed: 2, held: 1, free: 0 });
    const claims = await api.http
      .get(`/api/v1/claims?shiftId=${s.id}&personId=${waiting.id}`)
      .set('authorization', as.organiser);
    expect(claims.body.items[0].status).toBe('confirmed');

    // One member is assigned: keeping just their place gives back the last unassigned one.
    const toAssigned = await post(as.coordinator, `${held.id}/shrink`, { places: 1 });
    expect([toAssigned.status, toAssigned.body.places]).toEqual([200, 1]);
    expect(await shiftView(s.id)).toMatchObject({ confirmed: 2, held: 0, free: 1 });
  });

  it('refuses to keep fewer places than members assigned', async () => {
    const s = await shift(at('2026-12-11T09:00:00'), { capacity: 3 });
    const held = await createReservation(api.em(), s, tenant.organisation.id, { places: 3 });
    await createClaim(api.em(), s, tenant.people.member.id, { reservation: held });
    await createClaim(api.em(), s, tenant.people.coordinator.id, { reservation: held });
    const refused = await post(as.organiser, `${held.id}/shrink`, { places: 1 });
    expect([refused.status, refused.body.code]).toEqual([409, 'RESERVATION_BELOW_ASSIGNED']);
    expect(await shiftView(s.id)).toMatchObject({ confirmed: 2, held: 1 });
  });

  it('cancels a block: unassigned places go back at once, assigned members keep theirs', async () => {
    const s = await shift(at('2026-12-12T09:00:00'), { capacity: 4 });
    const held = await createReservation(api.em(), s, tenant.organisation.id, { places: 3 });
    await createClaim(api.em(), s, tenant.people.member.id, { reservation: held });

    const cancelled = await post(as.coordinator, `${held.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id: held.id, status: 'cancelled', places: 3, assigned: 1 });
    expect(await shiftView(s.id)).toMatchObject({ confirmed: 1, held: 0, free: 3 });
    const member = await api.http
      .get(`/api/v1/claims?shiftId=${s.id}&personId=${tenant.people.member.id}`)
      .set('authorization', as.organiser);
    expect(member.body.items[0].status).toBe('confirmed');

    const again = await post(as.coordinator, `${held.id}/cancel`);
    expect([again.status, again.body.code]).toEqual([409, 'RESERVATION_NOT_ACTIVE']);
    const shrinkCancelled = await post(as.organiser, `${held.id}/shrink`, { places: 1 });
    expect([shrinkCancelled.status, shrinkCancelled.body.code]).toEqual([409, 'RESERVATION_NOT_ACTIVE']);
  });

  it("answers 404 to a coordinator for another organisation's block, and changes nothing", async () => {
    const s = await shift(at('2026-12-13T09:00:00'), { capacity: 2 });
    const theirs = await createReservation(api.em(), s, tenant.otherOrganisation.id, { places: 2 });
    const cancel = await post(as.coordinator, `${theirs.id}/cancel`);
    const shrink = await post(as.coordinator, `${theirs.id}/shrink`, { places: 1 });
    expect([cancel.status, shrink.status]).toEqual([404, 404]);
    expect(await shiftView(s.id)).toMatchObject({ held: 2 });
  });
});
