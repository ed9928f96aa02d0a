import { randomUUID } from 'node:crypto';
import { createTenant, Tenant } from '@linli/identity/testing';
import { makeShift } from '@linli/volunteering/testing';
import { lintIcs } from '@linli/calendar';
import { startTestApi, TestApi } from '../../support/test-api';
import { bearerFor } from '../../support/auth';
import { subscribedFeed, vevents } from './calendar-e2e.helpers';

/** Someone whose name, phone and email must never reach a public feed. */
const PERSONAL = { name: '王秀英', phone: '13912345678', email: 'wang.xiuying@example.cn' };

describe('public feeds: market sessions and vehicle visits, without personal data', () => {
  let api: TestApi;
  let tenant: Tenant;
  let other: Tenant;
  let volunteer: string;
  let marketShiftId: string;
  const slug = () => tenant.community.slug;

  beforeAll(async () => {
    api = await startTestApi();
    tenant = await createTenant(api.em());
    other = await createTenant(api.em());
    await api
      .em()
      .getConnection()
      .execute(`UPDATE person SET name = ?, phone = ?, email = ? WHERE id = ?`, [
        PERSONAL.name,
        PERSONAL.phone,
        PERSONAL.email,
        tenant.people.volunteer.id,
      ]);
    const em = api.em();
    const market = makeShift(em, tenant.community.id, {
      title: '城南市集 · 义剪',
      description: `联系人 ${PERSONAL.name} ${PERSONAL.phone}`,
      originContext: 'market_session',
      originId: randomUUID(),
      startsInHours: 48,
    });
    const visit = makeShift(em, tenant.community.id, {
      title: '流动服务车 · 理发',
      estate: tenant.estate,
      locationText: '3号楼前',
      originContext: 'vehicle_visit',
      originId: randomUUID(),
      startsInHours: 72,
    });
    makeShift(em, tenant.community.id, { title: '普通班次 · 不公开', startsInHours: 24 });
    await em.flush();
    marketShiftId = market.id;
    volunteer = await bearerFor(api, tenant.accounts.volunteer.email);
    for (const shift of [market, visit]) {
      const claim = await api.http
        .post(`/api/v1/shifts/${shift.id}/claims`)
        .set('authorization', volunteer)
        .send({});
      expect(claim.status).toBe(201);
    }
  });
  afterAll(() => api.close());

  // The identity encoding: these tests read ETags as the strong validators they are without gzip.
  const market = () => api.http.get(`/cal/public/${slug()}/market.ics`).set('accept-encoding', 'identity');
  const visits = (estateId = tenant.estate.id, communitySlug = slug()) =>
    api.http.get(`/cal/public/${communitySlug}/estates/${estateId}/visits.ics`);

  it('answers the market feed at a stable URL, cacheable by anyone', async () => {
    const response = await market();
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['etag']).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(response.text).toContain(`X-WR-CALNAME:${tenant.community.name} · 市集`);
    expect(response.text).toContain('城南市集 · 义剪');
    expect(response.text).not.toContain('流动服务车 · 理发');
    expect(response.text).not.toContain('普通班次');
    expect(vevents(response.text)).toBe(1);
    expect(lintIcs(response.text)).toEqual([]);
    const again = await market().set('if-none-match', response.headers['etag']);
    expect(again.status).toBe(304);
    expect(again.headers['cache-control']).toBe('public, max-age=300');
    // Only the ETag answers 304 here (issue 10: see the If-Modified-Since test below).
    const bySince = await market().set('if-modified-since', response.headers['last-modified']);
    expect(bySince.status).toBe(200);
  });

  it('answers each estate’s vehicle visits', async () => {
    const response = await visits();
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.text).toContain(
      `X-WR-CALNAME:${tenant.community.name} · ${tenant.estate.name} · 流动服务车`,
    );
    expect(response.text).toContain('流动服务车 · 理发');
    expect(vevents(response.text)).toBe(1);
    expect(lintIcs(response.text)).toEqual([]);
  });

  it('carries no names, phones, emails or ids of the people on the shifts', async () => {
    // The shifts are in the volunteer's own feed: the public ones leave the people out, not the shifts.
    const personal = await subscribedFeed(api, volunteer, { kind: 'person' });
    const own = await api.http.get(personal.path);
    expect(vevents(own.text)).toBe(2);
    for (const response of [await market(), await visits()]) {
      const body = response.text;
      for (const value of [
        PERSONAL.name,
        PERSONAL.phone,
        PERSONAL.email,
        tenant.people.volunteer.id,
        tenant.accounts.volunteer.id,
        marketShiftId,
        '联系人',
      ]) {
        expect(body).not.toContain(value);
      }
      for (const event of body.split('BEGIN:VEVENT').slice(1)) {
        expect(event).not.toMatch(/^(ATTENDEE|ORGANIZER|CONTACT|DESCRIPTION|URL)[;:]/m);
      }
    }
  });

  it('answers 404 for an unknown community, another community’s estate and a malformed id', async () => {
    for (const response of [
      await api.http.get('/cal/public/no-such-community/market.ics'),
      await visits(other.estate.id),
      await visits(randomUUID()),
      await visits('not-a-uuid'),
      await visits(tenant.estate.id, other.community.slug),
    ]) {
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  // Issue 10, item 14: a public feed has no per-reader record of what it served, so an entry that
  // drops out changes the body without moving Last-Modified: If-Modified-Since must not answer 304.
  it('answers 200, not 304, to If-Modified-Since after the body changed', async () => {
    const own = await createTenant(api.em());
    const em = api.em();
    const stays = makeShift(em, own.community.id, {
      title: '市集 · 修伞',
      originContext: 'market_session',
      originId: randomUUID(),
      startsInHours: 30,
    });
    const leaves = makeShift(em, own.community.id, {
      title: '市集 · 磨刀',
      originContext: 'market_session',
      originId: randomUUID(),
      startsInHours: 50,
    });
    await em.flush();
    const path = `/cal/public/${own.community.slug}/market.ics`;
    const first = await api.http.get(path);
    expect(first.status).toBe(200);
    expect(first.text).toContain('磨刀');
    // The session leaves the market (as when its market session is deleted): no entry records it.
    await api
      .em()
      .getConnection()
      .execute(`UPDATE shift SET origin_context = NULL, origin_id = NULL WHERE id = ?`, [leaves.id]);
    const after = await api.http.get(path).set('if-modified-since', first.headers['last-modified']);
    expect(after.status).toBe(200);
    expect(after.text).not.toContain('磨刀');
    expect(after.text).toContain('修伞');
    expect(stays.id).toBeDefined();
    // The ETag still answers 304 for the body a client has.
    expect((await api.http.get(path).set('if-none-match', after.headers['etag'])).status).toBe(304);
  });

  it('needs no token and is not under /api', async () => {
    expect((await api.http.get(`/api/cal/public/${slug()}/market.ics`)).status).toBe(404);
  });
});
