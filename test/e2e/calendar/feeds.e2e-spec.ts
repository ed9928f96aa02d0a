import { randomBytes, randomUUID } from 'node:crypto';
import { createTenant, Tenant } from '@linli/identity/testing';
import { FixedClock } from '@linli/platform';
import { lintIcs } from '@linli/calendar';
import {
  FakeCalendarScopes,
  FakeCalendarScopesModule,
  FakeCalendarSource,
  FakeCalendarSourceModule,
  makeCalendarEntry,
} from '@linli/calendar/testing';
import { startTestApi, TestApi } from '../../support/test-api';
import { bearerFor } from '../../support/auth';
import { subscribedFeed, vevents } from './calendar-e2e.helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = new Date('2026-12-01T02:00:00Z');

describe('GET /cal/{token}.ics: the personal feed', () => {
  let api: TestApi;
  let tenant: Tenant;
  let source: FakeCalendarSource;
  let volunteer: string;
  const clock = new FixedClock(START);

  /** The identity encoding unless a test asks for another (supertest asks for gzip by itself). */
  const get = (path: string, headers: Record<string, string> = {}) => {
    const request = api.http.get(path).set('accept-encoding', 'identity');
    for (const [name, value] of Object.entries(headers)) request.set(name, value);
    return request;
  };
  const volunteerScope = () => ({ kind: 'person' as const, personId: tenant.people.volunteer.id });
  const shift = (uid: string, inDays: number, overrides = {}) =>
    makeCalendarEntry({
      uid: `${uid}@linli`,
      start: new Date(START.getTime() + inDays * DAY),
      summary: `班次 ${uid}`,
      lastModified: new Date(START.getTime() - 3 * DAY),
      ...overrides,
    });

  beforeAll(async () => {
    api = await startTestApi({ clock, extraModules: [FakeCalendarSourceModule, FakeCalendarScopesModule] });
    source = api.app.get(FakeCalendarSource);
    tenant = await createTenant(api.em());
    volunteer = await bearerFor(api, tenant.accounts.volunteer.email);
    source.set(tenant.community.id, volunteerScope(), [
      shift('a', 2),
      shift('b', 9),
      shift('too-old', -40),
      shift('too-far', 200),
    ]);
  });
  afterAll(() => api.close());
  beforeEach(() => clock.set(START));

  it('answers the calendar with its headers, named in the community’s language', async () => {
    const feed = await subscribedFeed(api, volunteer, { kind: 'person' });
    const response = await get(feed.path);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['etag']).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(response.headers['cache-control']).toBe('private, no-cache');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['last-modified']).toBe(START.toUTCString());
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.text, 'utf8'));
    expect(response.text).toContain(`X-WR-CALNAME:${tenant.community.name} · 我的志愿服务`);
    expect(response.text).toContain('X-WR-TIMEZONE:Asia/Shanghai');
    expect(response.text).toContain('UID:a@linli');
    expect(response.text).toContain('UID:b@linli');
    expect(response.text).not.toContain('too-old');
    expect(response.text).not.toContain('too-far');
    expect(lintIcs(response.text)).toEqual([]);
    const call = source.calls.at(-1)!;
    expect(call).toMatchObject({ communityId: tenant.community.id, scope: volunteerScope() });
    expect(call.window.from.getTime()).toBe(START.getTime() - 30 * DAY);
    expect(call.window.to.getTime()).toBe(START.getTime() + 180 * DAY);
  });

  it('answers 304 to If-None-Match and If-Modified-Since, 200 when they no longer hold', async () => {
    const feed = await subscribedFeed(api, volunteer, { kind: 'person' });
    const first = await get(feed.path);
    const etag = first.headers['etag'];
    const lastModified = first.headers['last-modified'];

    const byEtag = await get(feed.path, { 'if-none-match': etag });
    expect(byEtag.status).toBe(304);
    expect(byEtag.text).toBe('');
    expect(byEtag.headers['etag']).toBe(etag);
    expect(byEtag.headers['cache-control']).toBe('private, no-cache');
    expect((await get(feed.path, { 'if-none-match': `"other", W/${etag}` })).status).toBe(304);
    expect((await get(feed.path, { 'if-none-match': '"other"' })).status).toBe(200);
    // If-None-Match decides when present, even against a matching If-Modified-Since.
    expect(
      (await get(feed.path, { 'if-none-match': '"other"', 'if-modified-since': lastModified })).status,
    ).toBe(200);

    expect((await get(feed.path, { 'if-modified-since': lastModified })).status).toBe(304);
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await get(feed.path, { 'if-modified-since': earlier })).status).toBe(200);
    expect((await get(feed.path, { 'if-modified-since': 'yesterday' })).status).toBe(200);
  });

  it('changes ETag and Last-Modified when an entry changes, and when one drops out', async () => {
    const person = tenant.people.member;
    const memberBearer = await bearerFor(api, tenant.accounts.organiser.email);
    const scope = { kind: 'person' as const, personId: person.id };
    source.set(tenant.community.id, scope, [shift('m1', 3), shift('m2', 4)]);
    const feed = await subscribedFeed(api, memberBearer, { kind: 'person', id: person.id });
    const first = await get(feed.path);

    const changedAt = new Date(START.getTime() + HOUR);
    source.set(tenant.community.id, scope, [
      shift('m1', 3, { sequence: 1, summary: '班次 m1 (改到下午)', lastModified: changedAt }),
      shift('m2', 4),
    ]);
    const changed = await get(feed.path, { 'if-none-match': first.headers['etag'] });
    expect(changed.status).toBe(200);
    expect(changed.text).toContain('SEQUENCE:1');
    expect(changed.headers['last-modified']).toBe(changedAt.toUTCString());

    // m2 is gone: no entry carries the change, yet If-Modified-Since must not answer 304.
    clock.set(new Date(START.getTime() + 2 * HOUR));
    source.set(tenant.community.id, scope, [
      shift('m1', 3, { sequence: 1, summary: '班次 m1 (改到下午)', lastModified: changedAt }),
    ]);
    const dropped = await get(feed.path, { 'if-modified-since': changed.headers['last-modified'] });
    expect(dropped.status).toBe(200);
    expect(dropped.text).not.toContain('m2@linli');
    expect(Date.parse(dropped.headers['last-modified'])).toBe(clock.now().getTime());
    const again = await get(feed.path, { 'if-modified-since': dropped.headers['last-modified'] });
    expect(again.status).toBe(304);
  });

  // Issue 11, item 6: a 304 costs the token lookup, the rate limit and one query per source.
  it('answers an unchanged feed from the sources’ content versions, loading no entries', async () => {
    const feed = await subscribedFeed(api, volunteer, { kind: 'person' });
    const first = await get(feed.path);
    const loads = source.calls.length;
    const versions = source.versionCalls.length;

    const again = await get(feed.path, { 'if-none-match': first.headers['etag'] });
    expect(again.status).toBe(304);
    expect(source.versionCalls.length).toBe(versions + 1);
    // A full answer of the same content needs no entries either: the body is cached by its key.
    const full = await get(feed.path);
    expect([full.status, full.text]).toEqual([200, first.text]);
    expect(source.calls.length).toBe(loads);

    // Within the hour the window (and so the question) may move; the answer stays the same.
    clock.advance(20 * 60_000);
    expect((await get(feed.path, { 'if-none-match': first.headers['etag'] })).status).toBe(304);
    expect(source.calls.length).toBe(loads);
  });

  it('gzips for clients that ask, under the same ETag marked weak; a 304 has no body', async () => {
    const feed = await subscribedFeed(api, volunteer, { kind: 'person' });
    const plain = await get(feed.path);
    const etag = plain.headers['etag'];
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toBe('Accept-Encoding');

    const zipped = await get(feed.path, { 'accept-encoding': 'gzip, deflate' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['vary']).toBe('Accept-Encoding');
    expect(zipped.headers['etag']).toBe(`W/${etag}`);
    expect(zipped.headers['last-modified']).toBe(plain.headers['last-modified']);
    // supertest unzipped it: the same calendar, in a fraction of the bytes.
    expect(zipped.text).toBe(plain.text);
    expect(Number(zipped.headers['content-length'])).toBeLessThan(Buffer.byteLength(plain.text) / 2);

    for (const held of [`W/${etag}`, etag]) {
      const notModified = await get(feed.path, { 'accept-encoding': 'gzip', 'if-none-match': held });
      expect(notModified.status).toBe(304);
      expect(notModified.text).toBe('');
      expect(notModified.headers['content-encoding']).toBeUndefined();
      expect(notModified.headers['etag']).toBe(`W/${etag}`);
      expect(notModified.headers['vary']).toBe('Accept-Encoding');
    }
    const head = await api.http.head(feed.path).set('accept-encoding', 'gzip');
    expect(head.headers['content-length']).toBe(zipped.headers['content-length']);
    expect(head.headers['content-encoding']).toBe('gzip');
    const refused = await get(feed.path, { 'accept-encoding': 'gzip;q=0, identity' });
    expect([refused.headers['content-encoding'], refused.headers['etag']]).toEqual([undefined, etag]);
  });

  it('answers HEAD with the same headers and no body', async () => {
    const feed = await subscribedFeed(api, volunteer, { kind: 'person' });
    const full = await get(feed.path);
    const head = await api.http.head(feed.path).set('accept-encoding', 'identity');
    expect(head.status).toBe(200);
    expect(head.text ?? '').toBe('');
    for (const name of ['content-type', 'etag', 'last-modified', 'cache-control', 'content-length', 'vary']) {
      expect(head.headers[name]).toBe(full.headers[name]);
    }
    expect(
      (
        await api.http
          .head(feed.path)
          .set('accept-encoding', 'identity')
          .set('if-none-match', full.headers['etag'])
      ).status,
    ).toBe(304);
  });

  it('records lastUsedAt, at most once a minute', async () => {
    const feed = await subscribedFeed(api, volunteer, { kind: 'person' });
    const lastUsed = async () => {
      const [row] = await api
        .em()
        .getConnection()
        .execute(`SELECT last_used_at FROM calendar_subscription WHERE id = ?`, [feed.id]);
      return row.last_used_at === null ? null : new Date(row.last_used_at).getTime();
    };
    expect(await lastUsed()).toBeNull();
    await get(feed.path);
    expect(await lastUsed()).toBe(START.getTime());
    clock.advance(30_000);
    await get(feed.path);
    expect(await lastUsed()).toBe(START.getTime());
    clock.advance(31_000);
    await get(feed.path);
    expect(await lastUsed()).toBe(START.getTime() + 61_000);
  });

  it('answers an empty calendar for a revoked URL during the grace period, then 410 Gone', async () => {
    const feed = await subscribedFeed(api, volunteer, { kind: 'person' });
    expect(vevents((await get(feed.path)).text)).toBe(2);
    clock.advance(HOUR);
    const revoke = await api.http
      .delete(`/api/v1/calendar-subscriptions/${feed.id}`)
      .set('authorization', volunteer);
    expect(revoke.status).toBe(200);

    clock.advance(6 * DAY);
    const empty = await get(feed.path);
    expect(empty.status).toBe(200);
    expect(empty.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(vevents(empty.text)).toBe(0);
    expect(empty.text).toContain('此订阅链接已停用');
    expect(empty.headers['last-modified']).toBe(new Date(START.getTime() + HOUR).toUTCString());
    expect(lintIcs(empty.text)).toEqual([]);

    clock.advance(DAY);
    const gone = await get(feed.path);
    expect(gone.status).toBe(410);
    expect(gone.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(gone.body).toMatchObject({ status: 410, code: 'CALENDAR_FEED_GONE' });
    expect(gone.headers['referrer-policy']).toBe('no-referrer');
  });

  it('revokes the old URL when rotating: empty calendar there, events at the new one', async () => {
    const feed = await subscribedFeed(api, volunteer, { kind: 'person' });
    const rotated = await api.http
      .post(`/api/v1/calendar-subscriptions/${feed.id}/rotate`)
      .set('authorization', volunteer);
    const oldFeed = await get(feed.path);
    expect(oldFeed.status).toBe(200);
    expect(vevents(oldFeed.text)).toBe(0);
    const newFeed = await get(`/cal/${rotated.body.url.split('/cal/')[1]}`);
    expect(vevents(newFeed.text)).toBe(2);
    clock.advance(8 * DAY);
    expect((await get(feed.path)).status).toBe(410);
  });

  it('answers 404 to unknown and malformed tokens', async () => {
    for (const path of [
      `/cal/${randomBytes(32).toString('base64url')}.ics`,
      '/cal/abc.ics',
      `/cal/${'a'.repeat(500)}.ics`,
    ]) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toBe('NOT_FOUND');
    }
  });

  it('stops a feed whose owner lost the right to it (410) and brings it back with the right', async () => {
    const feed = await subscribedFeed(api, volunteer, { kind: 'person' });
    const setActive = (active: boolean) =>
      api
        .em()
        .getConnection()
        .execute(`UPDATE account SET active = ? WHERE id = ?`, [active, tenant.accounts.volunteer.id]);
    await setActive(false);
    try {
      expect((await get(feed.path)).status).toBe(410);
    } finally {
      await setActive(true);
    }
    expect((await get(feed.path)).status).toBe(200);
  });

  it('limits each token to FEED_LIMIT_PER_HOUR requests an hour (429 with Retry-After)', async () => {
    const feed = await subscribedFeed(api, volunteer, { kind: 'person' });
    const other = await subscribedFeed(api, volunteer, { kind: 'person' });
    const etag = (await get(feed.path)).headers['etag'];
    const statuses = new Set<number>();
    for (let i = 1; i < 60; i++) statuses.add((await get(feed.path, { 'if-none-match': etag })).status);
    expect([...statuses]).toEqual([304]);
    const limited = await get(feed.path);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(3600);
    expect((await get(other.path)).status).toBe(200);
    // Counted in PostgreSQL, so the limit holds across API processes; keyed by subscription, not token.
    const [bucket] = await api
      .em()
      .getConnection()
      .execute(`SELECT hits FROM throttle_bucket WHERE key = ?`, [`calendar-feed:${feed.id}`]);
    expect(bucket.hits).toBe(61);
  });

  it('serves a scope kind another context contributes, without the calendar knowing it', async () => {
    const kind = FakeCalendarScopes.KIND;
    const stall = '6f1c1a52-5d7e-4f43-9a0e-0c1f3e2b7d11';
    api.app.get(FakeCalendarScopes).add(tenant.community.id, stall);
    const scope = { kind: 'contributed' as const, scopeKind: kind, id: stall };
    source.set(tenant.community.id, scope, [shift('stall', 3)]);
    const organiser = await bearerFor(api, tenant.accounts.organiser.email);

    const unknown = await api.http
      .post('/api/v1/calendar-subscriptions')
      .set('authorization', organiser)
      .send({ scope: { kind, id: randomUUID() } });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
    const refused = await api.http
      .post('/api/v1/calendar-subscriptions')
      .set('authorization', volunteer)
      .send({ scope: { kind, id: stall } });
    expect(refused.status).toBe(403);

    const feed = await subscribedFeed(api, organiser, { kind, id: stall });
    const response = await get(feed.path);
    expect(response.status).toBe(200);
    expect(response.text).toContain('UID:stall@linli');
    expect(vevents(response.text)).toBe(1);
    expect(source.calls.at(-1)).toMatchObject({ communityId: tenant.community.id, scope });
  });
});

// Issue 10, item 14.
describe('GET /cal/{token}.ics: names and empty calendars (issue 10)', () => {
  let api: TestApi;
  let tenant: Tenant;
  let volunteer: string;
  const clock = new FixedClock(START);

  beforeAll(async () => {
    api = await startTestApi({ clock, extraModules: [FakeCalendarSourceModule] });
    tenant = await createTenant(api.em());
    volunteer = await bearerFor(api, tenant.accounts.volunteer.email);
  });
  afterAll(() => api.close());

  it('names a person feed by its subscription’s label', async () => {
    const response = await api.http
      .post('/api/v1/calendar-subscriptions')
      .set('authorization', volunteer)
      .send({ scope: { kind: 'person' }, label: '家里的平板' });
    expect(response.status).toBe(201);
    const feed = await api.http.get(`/cal/${response.body.url.split('/cal/')[1]}`);
    expect(feed.status).toBe(200);
    expect(feed.text).toContain(`X-WR-CALNAME:${tenant.community.name} · 家里的平板`);
    expect(feed.text).toContain(`NAME:${tenant.community.name} · 家里的平板`);
  });

  // Issue 10, item 13: a feed's alarms are its subscriber's reminder preferences, not the subject's.
  it('alarms follow the subscriber’s reminder preferences, also on someone else’s feed', async () => {
    const source = api.app.get(FakeCalendarSource);
    const organiser = await bearerFor(api, tenant.accounts.organiser.email);
    const volunteerId = tenant.people.volunteer.id;
    source.set(tenant.community.id, { kind: 'person', personId: volunteerId }, [
      makeCalendarEntry({
        uid: 'held@linli',
        start: new Date(START.getTime() + 3 * DAY),
        alarmMinutesBefore: [1440, 120],
      }),
      makeCalendarEntry({
        uid: 'waitlisted@linli',
        start: new Date(START.getTime() + 4 * DAY),
        status: 'TENTATIVE',
      }),
    ]);
    const prefer = async (bearer: string, offsetsMinutes: number[]) => {
      const response = await api.http
        .put('/api/v1/me/reminder-preferences')
        .set('authorization', bearer)
        .send({ offsetsMinutes });
      expect(response.status).toBe(200);
    };
    const triggers = (body: string) =>
      body
        .split('\r\n')
        .filter((l) => l.startsWith('TRIGGER'))
        .sort();

    const own = await subscribedFeed(api, volunteer, { kind: 'person' });
    const theirs = await subscribedFeed(api, organiser, { kind: 'person', id: volunteerId });
    // Nobody chose yet: the defaults.
    expect(triggers((await api.http.get(own.path)).text)).toEqual(['TRIGGER:-P1D', 'TRIGGER:-PT2H']);

    await prefer(volunteer, [45]);
    await prefer(organiser, [30, 10]);
    const ownFeed = await api.http.get(own.path);
    expect(triggers(ownFeed.text)).toEqual(['TRIGGER:-PT45M']);
    expect(lintIcs(ownFeed.text)).toEqual([]);
    expect(triggers((await api.http.get(theirs.path)).text)).toEqual(['TRIGGER:-PT10M', 'TRIGGER:-PT30M']);

    // No reminders wanted: no alarms.
    await prefer(volunteer, []);
    expect(triggers((await api.http.get(own.path)).text)).toEqual([]);
    source.set(tenant.community.id, { kind: 'person', personId: volunteerId }, []);
  });

  // Issue 10, item 5 (identity's side by engineer A): removing someone ends their feeds at once,
  // and a feed about a person who was removed ends too.
  it('a deactivated person’s feeds, and feeds about them, answer 410 Gone at once', async () => {
    const own = await createTenant(api.em());
    const organiser = await bearerFor(api, own.accounts.organiser.email);
    const theVolunteer = await bearerFor(api, own.accounts.volunteer.email);
    const mine = await subscribedFeed(api, theVolunteer, { kind: 'person' });
    const aboutThem = await subscribedFeed(api, organiser, { kind: 'person', id: own.people.volunteer.id });
    const community = await subscribedFeed(api, organiser, { kind: 'community' });
    expect((await api.http.get(mine.path)).status).toBe(200);
    expect((await api.http.get(aboutThem.path)).status).toBe(200);

    const removed = await api.http
      .patch(`/api/v1/people/${own.people.volunteer.id}`)
      .set('authorization', organiser)
      .send({ active: false });
    expect(removed.status).toBe(200);
    for (const path of [mine.path, aboutThem.path]) {
      const gone = await api.http.get(path);
      expect([gone.status, gone.body.code]).toEqual([410, 'CALENDAR_FEED_GONE']);
    }
    expect((await api.http.get(community.path)).status).toBe(200);
  });

  it('a disabled account’s feeds answer 410 Gone at once', async () => {
    const own = await createTenant(api.em());
    const organiser = await bearerFor(api, own.accounts.organiser.email);
    const coordinator = await bearerFor(api, own.accounts.coordinator.email);
    const feed = await subscribedFeed(api, coordinator, { kind: 'organisation' });
    expect((await api.http.get(feed.path)).status).toBe(200);
    const disabled = await api.http
      .patch(`/api/v1/accounts/${own.accounts.coordinator.id}`)
      .set('authorization', organiser)
      .send({ active: false });
    expect(disabled.status).toBe(200);
    const gone = await api.http.get(feed.path);
    expect([gone.status, gone.body.code]).toEqual([410, 'CALENDAR_FEED_GONE']);
  });

  it('an empty feed still has a component: the community zone’s VTIMEZONE', async () => {
    const feed = await subscribedFeed(api, volunteer, { kind: 'person' });
    const response = await api.http.get(feed.path);
    expect(response.status).toBe(200);
    expect(vevents(response.text)).toBe(0);
    expect(response.text).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n');
    expect(lintIcs(response.text)).toEqual([]);
  });
});
