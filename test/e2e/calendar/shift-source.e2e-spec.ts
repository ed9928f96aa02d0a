import { randomUUID } from 'node:crypto';
import { createTenant, makeEstate, Tenant } from '@linli/identity/testing';
import { createPerson, createShift, makeShift } from '@linli/volunteering/testing';
import { ShiftCalendarSource, shiftCalendarUid } from '@linli/volunteering';
import type { CalendarEntry, FeedScope } from '@linli/calendar';
import { FixedClock, SqlDatabase } from '@linli/platform';
import { startTestApi, TestApi } from '../../support/test-api';
import { bearerFor } from '../../support/auth';

const NOW = new Date('2026-12-01T00:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WINDOW = { from: new Date(NOW.getTime() - 30 * DAY), to: new Date(NOW.getTime() + 180 * DAY) };
const BASE_URL = 'https://linli.example.cn';

/** Volunteering's CalendarSource: which shifts each scope's feed has, and how they read. */
describe('shifts in calendar feeds (ShiftCalendarSource)', () => {
  let api: TestApi;
  let tenant: Tenant;
  let organiser: string;
  let source: ShiftCalendarSource;
  const clock = new FixedClock(NOW);

  beforeAll(async () => {
    api = await startTestApi({ clock, config: { PUBLIC_BASE_URL: BASE_URL } });
    tenant = await createTenant(api.em());
    organiser = await bearerFor(api, tenant.accounts.organiser.email);
    source = api.app.get(ShiftCalendarSource, { strict: false });
  });
  afterAll(() => api.close());
  beforeEach(() => clock.set(NOW));

  const shift = (overrides: Parameters<typeof makeShift>[2] = {}) =>
    createShift(api.em(), tenant.community.id, { now: NOW, ...overrides });

  async function place(shiftId: string, personId: string): Promise<{ id: string; status: string }> {
    const response = await api.http
      .post(`/api/v1/shifts/${shiftId}/claims`)
      .set('authorization', organiser)
      .send({ personId });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function cancelClaim(claimId: string) {
    const response = await api.http
      .post(`/api/v1/claims/${claimId}/cancel`)
      .set('authorization', organiser)
      .send();
    expect(response.status).toBe(200);
  }

  const entries = (scope: FeedScope) => source.entries(tenant.community.id, scope, WINDOW);
  const byUid = (list: CalendarEntry[], shiftId: string) =>
    list.find((e) => e.uid === shiftCalendarUid(shiftId));
  const uids = (list: CalendarEntry[]) => list.map((e) => e.uid);

  it('a person’s feed: confirmed with reminders, waitlisted as 【候补】 TENTATIVE, one entry per shift', async () => {
    const full = await shift({ capacity: 1, startsInHours: 72, description: '请带好围裙。' });
    const again = await shift({ startsInHours: 96 });
    const { member, volunteer } = tenant.people;
    await place(full.id, member.id);
    expect((await place(full.id, volunteer.id)).status).toBe('waitlisted');
    // Claimed, cancelled and claimed again: one entry, the active place.
    await cancelClaim((await place(again.id, member.id)).id);
    await place(again.id, member.id);

    const mine = await entries({ kind: 'person', personId: member.id });
    expect(byUid(mine, full.id)).toEqual({
      uid: shiftCalendarUid(full.id),
      sequence: 1,
      status: 'CONFIRMED',
      start: full.startsAt,
      end: full.endsAt,
      timeZone: 'Asia/Shanghai',
      summary: full.title,
      location: '社区服务中心',
      description: `请带好围裙。\n\n详情 Details: ${BASE_URL}/shifts/${full.id}`,
      url: `${BASE_URL}/shifts/${full.id}`,
      categories: ['志愿服务'],
      lastModified: expect.any(Date),
      alarmMinutesBefore: [1440, 120],
    });
    expect(mine.filter((e) => e.uid === shiftCalendarUid(again.id))).toMatchObject([{ status: 'CONFIRMED' }]);

    const waiting = byUid(await entries({ kind: 'person', personId: volunteer.id }), full.id);
    expect(waiting).toMatchObject({ status: 'TENTATIVE', summary: `【候补】${full.title}`, sequence: 1 });
    expect(waiting?.alarmMinutesBefore).toBeUndefined();
  });

  it('a place the person gave up shows as cancelled until the shift ends, then drops out', async () => {
    const soon = await shift({ startsInHours: 24 });
    const later = await shift({ startsInHours: 120 });
    const person = tenant.people.member;
    await cancelClaim((await place(soon.id, person.id)).id);
    await place(later.id, person.id);

    const before = await entries({ kind: 'person', personId: person.id });
    expect(byUid(before, soon.id)).toMatchObject({ status: 'CANCELLED', summary: soon.title });
    expect(byUid(before, soon.id)?.alarmMinutesBefore).toBeUndefined();

    clock.set(new Date(soon.endsAt.getTime() + 1));
    const after = await entries({ kind: 'person', personId: person.id });
    expect(byUid(after, soon.id)).toBeUndefined();
    expect(byUid(after, later.id)).toMatchObject({ status: 'CONFIRMED' });
  });

  it('a cancelled shift: CANCELLED at its new version for the people on it and the organisers, until it ends', async () => {
    const s = await shift({ startsInHours: 30 });
    const person = tenant.people.volunteer;
    await place(s.id, person.id);
    const cancelled = await api.http
      .post(`/api/v1/shifts/${s.id}/cancel`)
      .set('authorization', organiser)
      .send({ reason: '天气原因' });
    expect(cancelled.status).toBe(200);

    for (const scope of [{ kind: 'person', personId: person.id }, { kind: 'community' }] as FeedScope[]) {
      expect(byUid(await entries(scope), s.id)).toMatchObject({ status: 'CANCELLED', sequence: 2 });
    }
    clock.set(s.endsAt);
    for (const scope of [{ kind: 'person', personId: person.id }, { kind: 'community' }] as FeedScope[]) {
      expect(byUid(await entries(scope), s.id)).toBeUndefined();
    }
  });

  it('an organisation’s feed: shifts it holds places on and shifts its members are confirmed on', async () => {
    const reserved = await shift({ startsInHours: 200, capacity: 4 });
    const memberOn = await shift({ startsInHours: 210 });
    const outsiderOn = await shift({ startsInHours: 220 });
    const reserve = await api.http
      .post(`/api/v1/shifts/${reserved.id}/reservations`)
      .set('authorization', organiser)
      .send({ organisationId: tenant.organisation.id, places: 2 });
    expect(reserve.status).toBe(201);
    await place(memberOn.id, tenant.people.member.id);
    await place(outsiderOn.id, tenant.people.volunteer.id); // a member of another organisation

    const feed = uids(await entries({ kind: 'organisation', organisationId: tenant.organisation.id }));
    expect(feed).toEqual(
      expect.arrayContaining([shiftCalendarUid(reserved.id), shiftCalendarUid(memberOn.id)]),
    );
    expect(feed).not.toContain(shiftCalendarUid(outsiderOn.id));
    const other = uids(await entries({ kind: 'organisation', organisationId: tenant.otherOrganisation.id }));
    expect(other).toContain(shiftCalendarUid(outsiderOn.id));
    expect(other).not.toContain(shiftCalendarUid(reserved.id));
  });

  it('an estate’s feed has the shifts at the estate; the community’s has every shift in the window', async () => {
    const em = api.em();
    const elsewhere = makeEstate(em, tenant.community, { name: `桂花苑 ${randomUUID().slice(0, 6)}` });
    await em.flush();
    const here = await shift({ startsInHours: 300, estate: tenant.estate, locationText: null });
    const there = await shift({ startsInHours: 310, estate: elsewhere });
    const tooFar = await shift({ startsInHours: 200 * 24 });

    const estate = await entries({ kind: 'estate', estateId: tenant.estate.id });
    expect(uids(estate)).toContain(shiftCalendarUid(here.id));
    expect(uids(estate)).not.toContain(shiftCalendarUid(there.id));
    expect(byUid(estate, here.id)?.location).toBe(tenant.estate.name);

    const all = uids(await entries({ kind: 'community' }));
    expect(all).toEqual(expect.arrayContaining([shiftCalendarUid(here.id), shiftCalendarUid(there.id)]));
    expect(all).not.toContain(shiftCalendarUid(tooFar.id));
  });

  it('public feeds: market sessions and an estate’s vehicle visits, without anything about people', async () => {
    const helper = await createPerson(api.em(), tenant.community, { name: '赵大爷', phone: '13900139000' });
    const market = await shift({
      startsInHours: 400,
      originContext: 'market_session',
      originId: randomUUID(),
      description: '联系人：赵大爷 13900139000',
    });
    const visit = await shift({
      startsInHours: 410,
      originContext: 'vehicle_visit',
      originId: randomUUID(),
      estate: tenant.estate,
    });
    const visitElsewhere = await shift({
      startsInHours: 420,
      originContext: 'vehicle_visit',
      originId: randomUUID(),
    });
    const plain = await shift({ startsInHours: 430 });
    await place(market.id, helper.id);
    await place(visit.id, helper.id);

    const marketFeed = await entries({ kind: 'public-market' });
    expect(uids(marketFeed)).toEqual([shiftCalendarUid(market.id)]);
    expect(marketFeed[0].categories).toEqual(['志愿服务', '市集']);
    const visits = await entries({ kind: 'public-visits', estateId: tenant.estate.id });
    expect(uids(visits)).toEqual([shiftCalendarUid(visit.id)]);
    expect(uids(visits)).not.toContain(shiftCalendarUid(visitElsewhere.id));
    expect(uids([...marketFeed, ...visits])).not.toContain(shiftCalendarUid(plain.id));

    for (const entry of [...marketFeed, ...visits]) {
      expect(entry.description).toBeUndefined();
      expect(entry.url).toBeUndefined();
      expect(entry.alarmMinutesBefore).toBeUndefined();
      const text = JSON.stringify(entry);
      for (const personal of ['赵大爷', '13900139000', helper.id]) expect(text).not.toContain(personal);
    }
  });

  it('asks the database once per scope, for entries and for their version, however many shifts and claims there are', async () => {
    const many = [];
    for (let i = 0; i < 12; i++)
      many.push(await shift({ startsInHours: 500 + i * 30, estate: tenant.estate }));
    for (const s of many.slice(0, 6)) await place(s.id, tenant.people.member.id);
    // Statements go through the ORM's connection or the platform's SQL pool: count both.
    const execute = jest.spyOn(api.orm.em.getConnection(), 'execute');
    const query = jest.spyOn(api.app.get(SqlDatabase), 'query');
    const statements = () => execute.mock.calls.length + query.mock.calls.length;
    try {
      const scopes: FeedScope[] = [
        { kind: 'person', personId: tenant.people.member.id },
        { kind: 'organisation', organisationId: tenant.organisation.id },
        { kind: 'estate', estateId: tenant.estate.id },
        { kind: 'community' },
        { kind: 'public-market' },
        { kind: 'public-visits', estateId: tenant.estate.id },
      ];
      for (const scope of scopes) {
        execute.mockClear();
        query.mockClear();
        const found = await entries(scope);
        expect([scope.kind, statements()]).toEqual([scope.kind, 1]);
        if (scope.kind !== 'public-market' && scope.kind !== 'public-visits') {
          expect(found.length).toBeGreaterThanOrEqual(6);
        }
        // The content version (issue 11, item 6): one statement too, counting the same rows.
        execute.mockClear();
        query.mockClear();
        const version = await source.contentVersion(tenant.community.id, scope, WINDOW);
        expect([scope.kind, statements()]).toEqual([scope.kind, 1]);
        expect(version).toMatch(new RegExp(`^${found.length}:`));
      }
    } finally {
      execute.mockRestore();
      query.mockRestore();
    }
  });

  it('has no venue entries (venues are another context’s)', async () => {
    expect(source.supports({ kind: 'venue', venueId: randomUUID() })).toBe(false);
    expect(source.supports({ kind: 'community' })).toBe(true);
  });

  // Issue 10, item 14: a SUMMARY is one line in every client; a newline in a title is refused at
  // the edge (400), on create and on edit, instead of being escaped into the feed.
  it.each(['早班\n晚班', '早班\r\n晚班', '早班\r晚班', '早班\u2028晚班'])(
    'refuses the title %j',
    async (title) => {
      const body = {
        title,
        startsAt: new Date(NOW.getTime() + 48 * 3_600_000).toISOString(),
        endsAt: new Date(NOW.getTime() + 50 * 3_600_000).toISOString(),
        timeZone: 'Asia/Shanghai',
        capacity: 2,
      };
      const created = await api.http.post('/api/v1/shifts').set('authorization', organiser).send(body);
      expect([created.status, created.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      const existing = await shift();
      const edited = await api.http
        .patch(`/api/v1/shifts/${existing.id}`)
        .set('authorization', organiser)
        .send({ title });
      expect([edited.status, edited.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      // A series' title becomes its shifts' titles.
      const series = await api.http.post('/api/v1/shift-series').set('authorization', organiser).send({
        title,
        rrule: 'FREQ=WEEKLY;BYDAY=MO',
        dtstart: '2026-12-07T09:00:00',
        timeZone: 'Asia/Shanghai',
        durationMinutes: 60,
        capacity: 2,
      });
      expect([series.status, series.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    },
  );
});
