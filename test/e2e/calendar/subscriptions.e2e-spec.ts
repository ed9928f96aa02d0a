import { randomUUID } from 'node:crypto';
import { createTenant, Tenant } from '@linli/identity/testing';
import { startTestApi, TestApi } from '../../support/test-api';
import { bearerFor } from '../../support/auth';
import { subscribe, subscribedFeed, tokenOf } from './calendar-e2e.helpers';

describe('calendar subscriptions: create, list, rotate, revoke, with role rules', () => {
  let api: TestApi;
  let tenant: Tenant;
  let other: Tenant;
  let organiser: string;
  let coordinator: string;
  let volunteer: string;
  let otherOrganiser: string;

  beforeAll(async () => {
    api = await startTestApi();
    tenant = await createTenant(api.em());
    other = await createTenant(api.em());
    [organiser, coordinator, volunteer, otherOrganiser] = await Promise.all([
      bearerFor(api, tenant.accounts.organiser.email),
      bearerFor(api, tenant.accounts.coordinator.email),
      bearerFor(api, tenant.accounts.volunteer.email),
      bearerFor(api, other.accounts.organiser.email),
    ]);
  });
  afterAll(() => api.close());

  describe('create', () => {
    it('gives a volunteer a feed of their own shifts: https, webcal and Google links and QR codes, once', async () => {
      const response = await subscribe(api, volunteer, { kind: 'person' }, '我的手机');
      expect(response.status).toBe(201);
      expect(response.headers['cache-control']).toBe('no-store');
      const body = response.body;
      expect(body).toMatchObject({
        scope: { kind: 'person', id: tenant.people.volunteer.id },
        label: '我的手机',
        ownerAccountId: tenant.accounts.volunteer.id,
        revokedAt: null,
        lastUsedAt: null,
        rotatedFromId: null,
      });
      const token = tokenOf(body.url);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(body.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/cal\/[A-Za-z0-9_-]{43}\.ics$/);
      expect(body.webcalUrl).toBe(body.url.replace(/^http:/, 'webcal:'));
      expect(body.googleCalendarUrl).toBe(
        `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(body.webcalUrl)}`,
      );
      expect(body.qrPng).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
      expect(body.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      const [row] = await api
        .em()
        .getConnection()
        .execute(`SELECT token_hash FROM calendar_subscription WHERE id = ?`, [body.id]);
      expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(token);
    });

    it('refuses a volunteer another person, an organisation or the community (403)', async () => {
      const cases = [
        { kind: 'person', id: tenant.people.member.id },
        { kind: 'organisation', id: tenant.otherOrganisation.id },
        { kind: 'estate', id: tenant.estate.id },
        { kind: 'community' },
      ];
      for (const scope of cases) {
        const response = await subscribe(api, volunteer, scope);
        expect({ scope, status: response.status, code: response.body.code }).toEqual({
          scope,
          status: 403,
          code: 'FORBIDDEN',
        });
      }
    });

    it('lets a coordinator subscribe to their organisation and themselves, nothing else', async () => {
      const own = await subscribe(api, coordinator, { kind: 'organisation' });
      expect(own.status).toBe(201);
      expect(own.body.scope).toEqual({ kind: 'organisation', id: tenant.organisation.id });
      expect((await subscribe(api, coordinator, { kind: 'person' })).body.scope).toEqual({
        kind: 'person',
        id: tenant.people.coordinator.id,
      });
      const refused = [
        { kind: 'organisation', id: tenant.otherOrganisation.id },
        { kind: 'organisation', id: other.organisation.id },
        { kind: 'person', id: tenant.people.member.id },
        { kind: 'community' },
      ];
      for (const scope of refused) {
        expect((await subscribe(api, coordinator, scope)).status).toBe(403);
      }
    });

    it('lets an organiser subscribe to any scope of their community', async () => {
      for (const scope of [
        { kind: 'community' },
        { kind: 'estate', id: tenant.estate.id },
        { kind: 'organisation', id: tenant.otherOrganisation.id },
        { kind: 'person', id: tenant.people.member.id },
      ]) {
        const response = await subscribe(api, organiser, scope);
        expect(response.status).toBe(201);
        expect(response.body.scope).toEqual({ kind: scope.kind, id: scope.id ?? null });
      }
    });

    it('answers 404 for ids of another community, unknown ids and venues that do not exist', async () => {
      for (const scope of [
        { kind: 'person', id: other.people.volunteer.id },
        { kind: 'organisation', id: other.organisation.id },
        { kind: 'estate', id: other.estate.id },
        { kind: 'estate', id: randomUUID() },
        { kind: 'venue', id: randomUUID() },
      ]) {
        const response = await subscribe(api, organiser, scope);
        expect({ scope, status: response.status, code: response.body.code }).toEqual({
          scope,
          status: 404,
          code: 'NOT_FOUND',
        });
      }
    });

    it('validates the request: ids where needed, none for the community, no unknown fields', async () => {
      const cases: [object, string][] = [
        [{ scope: { kind: 'estate' } }, 'body.scope.id'],
        [{ scope: { kind: 'community', id: tenant.estate.id } }, 'body.scope.id'],
        [{ scope: { kind: 'planet' } }, 'body.scope.kind'],
        [{ scope: { kind: 'person' }, token: 'mine' }, 'body.token'],
        [{ scope: { kind: 'person', id: 'not-a-uuid' } }, 'body.scope.id'],
      ];
      for (const [body, field] of cases) {
        const response = await api.http
          .post('/api/v1/calendar-subscriptions')
          .set('authorization', organiser)
          .send(body);
        expect(response.status).toBe(400);
        expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    });

    it('uses PUBLIC_BASE_URL for the links when it is set', async () => {
      const behindProxy = await startTestApi({
        database: api.database,
        config: { PUBLIC_BASE_URL: 'https://linli.chengnan.example.cn/' },
      });
      try {
        const bearer = await bearerFor(behindProxy, tenant.accounts.volunteer.email);
        const response = await subscribe(behindProxy, bearer, { kind: 'person' });
        expect(response.body.url).toMatch(
          /^https:\/\/linli\.chengnan\.example\.cn\/cal\/[A-Za-z0-9_-]{43}\.ics$/,
        );
        expect(response.body.webcalUrl).toMatch(/^webcal:\/\/linli\.chengnan\.example\.cn\/cal\//);
      } finally {
        await behindProxy.close();
      }
    });
  });

  describe('list', () => {
    it('shows volunteers their own, organisers all, and never a token or URL', async () => {
      const mine = await subscribedFeed(api, volunteer, { kind: 'person' });
      const token = tokenOf(mine.url);
      const ownList = await api.http.get('/api/v1/calendar-subscriptions').set('authorization', volunteer);
      expect(ownList.status).toBe(200);
      expect(ownList.body.items.length).toBeGreaterThan(0);
      expect(
        ownList.body.items.every(
          (s: { ownerAccountId: string }) => s.ownerAccountId === tenant.accounts.volunteer.id,
        ),
      ).toBe(true);
      const all = await api.http
        .get('/api/v1/calendar-subscriptions?pageSize=100')
        .set('authorization', organiser);
      expect(all.body.items.map((s: { id: string }) => s.id)).toContain(mine.id);
      for (const list of [ownList, all]) {
        expect(JSON.stringify(list.body)).not.toContain(token);
        expect(list.body.items[0]).not.toHaveProperty('url');
        expect(list.body.items[0]).not.toHaveProperty('tokenHash');
      }
      const otherCommunity = await api.http
        .get('/api/v1/calendar-subscriptions')
        .set('authorization', otherOrganiser);
      expect(otherCommunity.body.items.map((s: { id: string }) => s.id)).not.toContain(mine.id);
    });
  });

  describe('rotate and revoke', () => {
    it('rotates: a new URL for the same scope, the old one revoked and linked', async () => {
      const old = await subscribedFeed(api, volunteer, { kind: 'person' });
      const rotated = await api.http
        .post(`/api/v1/calendar-subscriptions/${old.id}/rotate`)
        .set('authorization', volunteer);
      expect(rotated.status).toBe(200);
      expect(rotated.headers['cache-control']).toBe('no-store');
      expect(rotated.body).toMatchObject({
        scope: { kind: 'person', id: tenant.people.volunteer.id },
        rotatedFromId: old.id,
        revokedAt: null,
      });
      expect(tokenOf(rotated.body.url)).not.toBe(tokenOf(old.url));
      const active = await api.http
        .get('/api/v1/calendar-subscriptions?pageSize=100')
        .set('authorization', volunteer);
      const ids = active.body.items.map((s: { id: string }) => s.id);
      expect(ids).toContain(rotated.body.id);
      expect(ids).not.toContain(old.id);
      const withRevoked = await api.http
        .get('/api/v1/calendar-subscriptions?pageSize=100&includeRevoked=true')
        .set('authorization', volunteer);
      const listedOld = withRevoked.body.items.find((s: { id: string }) => s.id === old.id);
      expect(listedOld.revokedAt).not.toBeNull();
      const again = await api.http
        .post(`/api/v1/calendar-subscriptions/${old.id}/rotate`)
        .set('authorization', volunteer);
      expect(again.status).toBe(409);
    });

    it('revokes, idempotently; only the owner or an organiser of the community can', async () => {
      const feed = await subscribedFeed(api, volunteer, { kind: 'person' });
      for (const [bearer, status] of [
        [coordinator, 404],
        [otherOrganiser, 404],
      ] as const) {
        const denied = await api.http
          .delete(`/api/v1/calendar-subscriptions/${feed.id}`)
          .set('authorization', bearer);
        expect(denied.status).toBe(status);
        const rotateDenied = await api.http
          .post(`/api/v1/calendar-subscriptions/${feed.id}/rotate`)
          .set('authorization', bearer);
        expect(rotateDenied.status).toBe(status);
      }
      const revoked = await api.http
        .delete(`/api/v1/calendar-subscriptions/${feed.id}`)
        .set('authorization', volunteer);
      expect(revoked.status).toBe(200);
      expect(revoked.body.revokedAt).not.toBeNull();
      expect(revoked.body).not.toHaveProperty('url');
      const again = await api.http
        .delete(`/api/v1/calendar-subscriptions/${feed.id}`)
        .set('authorization', organiser);
      expect(again.status).toBe(200);
      expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
    });

    it('lets an organiser rotate a volunteer’s subscription, which stays the volunteer’s', async () => {
      const feed = await subscribedFeed(api, volunteer, { kind: 'person' });
      const rotated = await api.http
        .post(`/api/v1/calendar-subscriptions/${feed.id}/rotate`)
        .set('authorization', organiser);
      expect(rotated.status).toBe(200);
      expect(rotated.body.ownerAccountId).toBe(tenant.accounts.volunteer.id);
    });
  });
});
