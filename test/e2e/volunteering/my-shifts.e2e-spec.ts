import { createTenant, makeEstate, Tenant } from '@linli/identity/testing';
import { createClaim, createPerson, createShift } from '@linli/volunteering/testing';
import { FixedClock } from '@linli/platform';
import { startTestApi, TestApi } from '../../support/test-api';
import { signInAll, type Bearers } from '../../support/auth';

// Tuesday 2026-12-01 08:00 in Shanghai.
const NOW = new Date('2026-12-01T00:00:00Z');
const at = (shanghai: string) => new Date(`${shanghai}+08:00`);

interface MyShift {
  claimId: string;
  shiftId: string;
  title: string;
  status: string;
  waitlistPosition: number | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  cancellableUntil: string;
  estate: { id: string; name: string } | null;
  locationText: string | null;
  checkedInAt: string | null;
}

/**
 * Issue 12: a volunteer's "my shifts" (title, place, local times, where they stand), and a claim
 * that needs no body at all.
 */
describe('my shifts, and claiming with an empty body', () => {
  let api: TestApi;
  let tenant: Tenant;
  let as: Bearers;
  const clock = new FixedClock(NOW);

  beforeAll(async () => {
    api = await startTestApi({ clock });
    tenant = await createTenant(api.em());
    as = await signInAll(api, tenant);
  });
  afterAll(() => api.close());

  const shift = (startsAt: Date, fields: Parameters<typeof createShift>[2] = {}) =>
    createShift(api.em(), tenant.community.id, { now: startsAt, startsInHours: 0, ...fields });
  const mine = (bearer: string, query = '') =>
    api.http.get(`/api/v1/me/shifts${query}`).set('authorization', bearer);

  it('claims with no body at all, with an empty JSON body, and with {}', async () => {
    const shifts = await Promise.all(
      ['2026-12-10T09:00:00', '2026-12-11T09:00:00', '2026-12-12T09:00:00'].map((day) => shift(at(day))),
    );
    const bare = await api.http
      .post(`/api/v1/shifts/${shifts[0].id}/claims`)
      .set('authorization', as.volunteer);
    expect([bare.status, bare.body.status, bare.headers['content-type']]).toEqual([
      201,
      'confirmed',
      expect.stringContaining('application/json'),
    ]);
    const empty = await api.http
      .post(`/api/v1/shifts/${shifts[1].id}/claims`)
      .set('authorization', as.volunteer)
      .set('content-type', 'application/json')
      .send('');
    expect([empty.status, empty.body.status]).toEqual([201, 'confirmed']);
    const braces = await api.http
      .post(`/api/v1/shifts/${shifts[2].id}/claims`)
      .set('authorization', as.volunteer)
      .send({});
    expect([braces.status, braces.body.personId]).toEqual([201, tenant.people.volunteer.id]);
    expect(braces.body).toMatchObject({ startsAt: '2026-12-12T09:00:00+08:00', timeZone: 'Asia/Shanghai' });
  });

  it('lists my shifts with title, place, local times and where I stand, earliest first', async () => {
    const estate = makeEstate(api.em(), tenant.community, { name: '翡翠龙湾小区' });
    await api.em().persistAndFlush(estate);
    const v = tenant.people.volunteer.id;
    const other = await createPerson(api.em(), tenant.community);

    const confirmed = await shift(at('2026-12-02T09:00:00'), { title: '城南市集 · 理发', estate });
    await createClaim(api.em(), confirmed, v);
    const full = await shift(at('2026-12-03T14:00:00'), { capacity: 1, cancelCutoffMinutes: 60 });
    await createClaim(api.em(), full, other.id);
    await createClaim(api.em(), full, tenant.people.member.id, { status: 'waitlisted' });
    await createClaim(api.em(), full, v, { status: 'waitlisted' });
    const onSite = await shift(at('2026-12-01T07:30:00'), { hours: 3 });
    await createClaim(api.em(), onSite, v, { checkedInAt: at('2026-12-01T07:25:00') });
    const over = await shift(at('2026-11-28T09:00:00'));
    await createClaim(api.em(), over, v, { status: 'completed', creditedMinutes: 120 });
    const dropped = await shift(at('2026-12-04T09:00:00'));
    await createClaim(api.em(), dropped, v, { status: 'cancelled' });
    const notMine = await shift(at('2026-12-05T09:00:00'));
    await createClaim(api.em(), notMine, other.id);

    const response = await mine(as.volunteer, '?to=2026-12-09T00:00:00%2B08:00');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      personId: v,
      from: '2026-12-01T08:00:00+08:00',
      to: '2026-12-09T00:00:00+08:00',
      timeZone: 'Asia/Shanghai',
      truncated: false,
    });
    const items = response.body.items as MyShift[];
    expect(items.map((item) => [item.shiftId, item.status, item.waitlistPosition])).toEqual([
      [onSite.id, 'checked_in', null],
      [confirmed.id, 'confirmed', null],
      [full.id, 'waitlisted', 2],
    ]);
    expect(items[1]).toMatchObject({
      title: '城南市集 · 理发',
      locationText: '社区服务中心',
      estate: { id: estate.id, name: '翡翠龙湾小区' },
      startsAt: '2026-12-02T09:00:00+08:00',
      endsAt: '2026-12-02T11:00:00+08:00',
      timeZone: 'Asia/Shanghai',
      // The community's default cut-off: 3 hours before the start.
      cancellableUntil: '2026-12-02T06:00:00+08:00',
    });
    // The shift's own cut-off: an hour before.
    expect(items[2].cancellableUntil).toBe('2026-12-03T13:00:00+08:00');
    expect(items[0].checkedInAt).toBe('2026-12-01T07:25:00+08:00');

    // Looking back: the shift I attended is there.
    const past = await mine(as.volunteer, '?from=2026-11-28T00:00:00%2B08:00&to=2026-11-29T00:00:00Z');
    expect((past.body.items as MyShift[]).map((item) => [item.shiftId, item.status])).toEqual([
      [over.id, 'completed'],
    ]);
  });

  it('shows everyone only their own shifts', async () => {
    const response = await mine(as.coordinator, '?to=2027-01-01T00:00:00Z');
    expect(response.status).toBe(200);
    expect(response.body.personId).toBe(tenant.people.coordinator.id);
    expect(response.body.items).toEqual([]);
  });

  it.each([
    ['to before from', '?from=2026-12-05T00:00:00Z&to=2026-12-04T00:00:00Z'],
    ['a window over 366 days', '?to=2028-01-01T00:00:00Z'],
    ['a time without an offset', '?from=2026-12-05T00:00:00'],
    ['a limit over 200', '?limit=201'],
  ])('refuses %s with 400', async (_case, query) => {
    const response = await mine(as.volunteer, query);
    expect([response.status, response.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
