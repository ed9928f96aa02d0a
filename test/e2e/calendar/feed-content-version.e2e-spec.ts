import { createTenant, Tenant } from '@linli/identity/testing';
import { createShift } from '@linli/volunteering/testing';
import { ShiftCalendarSource } from '@linli/volunteering';
import { FixedClock } from '@linli/platform';
import { startTestApi, TestApi } from '../../support/test-api';
import { bearerFor } from '../../support/auth';
import { subscribedFeed } from './calendar-e2e.helpers';

const NOW = new Date('2026-12-01T00:00:00Z');
const HOUR = 3_600_000;

interface Feed {
  path: string;
  etag: string;
}

/**
 * Issue 11, item 6, with volunteering's real source: a conditional GET of an unchanged feed loads
 * no entries (the source's content version answers it), and every kind of change that alters a
 * feed's bytes changes its ETag: never a 304 for changed content.
 */
describe('feeds answer 304 from the content version, and never for changed content', () => {
  let api: TestApi;
  let tenant: Tenant;
  let organiser: string;
  let volunteer: string;
  let source: ShiftCalendarSource;
  let entries: jest.SpyInstance;
  const clock = new FixedClock(NOW);
  let community: Feed;
  let mine: Feed;
  let organisation: Feed;
  let shiftId: string;

  const get = (path: string, etag?: string) => {
    const request = api.http.get(path).set('accept-encoding', 'identity');
    return etag ? request.set('if-none-match', etag) : request;
  };
  const as = (bearer: string) => ({
    patch: (url: string, body: object) => api.http.patch(url).set('authorization', bearer).send(body),
    post: (url: string, body: object = {}) => api.http.post(url).set('authorization', bearer).send(body),
    put: (url: string, body: object) => api.http.put(url).set('authorization', bearer).send(body),
  });

  async function feed(bearer: string, scope: { kind: string; id?: string }): Promise<Feed> {
    const { path } = await subscribedFeed(api, bearer, scope);
    const first = await get(path);
    expect(first.status).toBe(200);
    return { path, etag: first.headers['etag'] };
  }

  /** 304 for the ETag held, and the source asked for its version only. */
  async function expectUnchanged(...feeds: Feed[]): Promise<void> {
    for (const held of feeds) {
      entries.mockClear();
      const response = await get(held.path, held.etag);
      expect([held.path, response.status]).toEqual([held.path, 304]);
      expect(entries).not.toHaveBeenCalled();
    }
  }

  /** 200 with a new ETag for the one held (which the feed then holds), and 304 after that. */
  async function expectChanged(...feeds: Feed[]): Promise<void> {
    for (const held of feeds) {
      const response = await get(held.path, held.etag);
      expect([held.path, response.status]).toEqual([held.path, 200]);
      expect(response.headers['etag']).not.toBe(held.etag);
      held.etag = response.headers['etag'];
    }
    await expectUnchanged(...feeds);
  }

  beforeAll(async () => {
    api = await startTestApi({ clock, config: { FEED_LIMIT_PER_HOUR: '100000' } });
    tenant = await createTenant(api.em());
    organiser = await bearerFor(api, tenant.accounts.organiser.email);
    volunteer = await bearerFor(api, tenant.accounts.volunteer.email);
    source = api.app.get(ShiftCalendarSource, { strict: false });
    entries = jest.spyOn(source, 'entries');
    const shift = await createShift(api.em(), tenant.community.id, {
      now: NOW,
      startsInHours: 48,
      estate: tenant.estate,
      locationText: null,
    });
    shiftId = shift.id;
    const claim = await as(organiser).post(`/api/v1/shifts/${shiftId}/claims`, {
      personId: tenant.people.member.id,
    });
    expect(claim.status).toBe(201);
    community = await feed(organiser, { kind: 'community' });
    mine = await feed(volunteer, { kind: 'person' });
    organisation = await feed(organiser, { kind: 'organisation', id: tenant.organisation.id });
  });
  afterAll(async () => {
    entries.mockRestore();
    await api.close();
  });

  it('an unchanged feed: 304 without loading entries, also as the clock moves on', async () => {
    await expectUnchanged(community, mine, organisation);
    clock.set(new Date(NOW.getTime() + 3 * HOUR));
    await expectUnchanged(community, mine, organisation);
  });

  it('a shift’s title, then its time', async () => {
    expect(
      (await as(organiser).patch(`/api/v1/shifts/${shiftId}`, { title: '城南市集 · 修鞋' })).status,
    ).toBe(200);
    await expectChanged(community, organisation);
    const moved = await as(organiser).patch(`/api/v1/shifts/${shiftId}`, {
      startsAt: '2026-12-03T10:00:00+08:00',
      endsAt: '2026-12-03T12:00:00+08:00',
    });
    expect(moved.status).toBe(200);
    await expectChanged(community, organisation);
    await expectUnchanged(mine);
  });

  it('a claim, and its cancellation, in the person’s feed', async () => {
    const claim = await as(volunteer).post(`/api/v1/shifts/${shiftId}/claims`, {});
    expect(claim.status).toBe(201);
    await expectChanged(mine);
    const cancelled = await as(volunteer).post(`/api/v1/claims/${claim.body.id}/cancel`);
    expect(cancelled.status).toBe(200);
    await expectChanged(mine);
  });

  it('the estate’s name, which is the shift’s location', async () => {
    const renamed = await as(organiser).patch(`/api/v1/estates/${tenant.estate.id}`, {
      name: '翡翠龙湾小区',
    });
    expect(renamed.status).toBe(200);
    await expectChanged(community, organisation);
  });

  it('a member leaving the organisation takes their shift out of its feed', async () => {
    const left = await api.http
      .delete(`/api/v1/memberships/${tenant.memberships.member.id}`)
      .set('authorization', organiser);
    expect(left.status).toBe(200);
    await expectChanged(organisation);
    await expectUnchanged(community);
  });

  it('the subscriber’s reminder preferences (the feed’s alarms)', async () => {
    const claim = await as(volunteer).post(`/api/v1/shifts/${shiftId}/claims`, {});
    expect(claim.status).toBe(201);
    await expectChanged(mine);
    const preferred = await as(volunteer).put('/api/v1/me/reminder-preferences', { offsetsMinutes: [45] });
    expect(preferred.status).toBe(200);
    await expectChanged(mine);
    await expectUnchanged(community);
  });

  it('a shift cancelled, then dropping out of the feeds when it has ended', async () => {
    const cancelled = await as(organiser).post(`/api/v1/shifts/${shiftId}/cancel`, { reason: '天气原因' });
    expect(cancelled.status).toBe(200);
    await expectChanged(community, mine);
    // No write: time alone takes the cancelled shift out when it ends.
    clock.set(new Date('2026-12-03T04:00:01Z'));
    await expectChanged(community, mine);
  });

  it('a series edit and a holiday correction, through the shifts they re-plan', async () => {
    const series = await as(organiser).post('/api/v1/shift-series', {
      title: '周五图书室',
      rrule: 'FREQ=WEEKLY;BYDAY=FR',
      dtstart: '2026-12-11T09:00:00',
      timeZone: 'Asia/Shanghai',
      holidayPolicy: 'skip_holidays',
      durationMinutes: 120,
      capacity: 3,
    });
    expect(series.status).toBe(201);
    await expectChanged(community);
    const edited = await as(organiser).patch(`/api/v1/shift-series/${series.body.id}`, {
      scope: 'all',
      changes: { title: '周五图书室 · 绘本' },
    });
    expect(edited.status).toBe(200);
    await expectChanged(community);
    const dayOff = await as(organiser).put('/api/v1/holidays/2026-12-18', {
      kind: 'off',
      name: '社区活动日',
    });
    expect(dayOff.status).toBe(200);
    expect(dayOff.body.replanned.cancelled).toHaveLength(1);
    await expectChanged(community);
  });
});
