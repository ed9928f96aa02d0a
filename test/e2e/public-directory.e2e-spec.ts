import { createTenant, makeEstate, Tenant } from '@linli/identity/testing';
import { startTestApi, TestApi } from '../support/test-api';

/**
 * Issue 12: the resident pages read the communities and their estates without a login, names
 * only: never addresses, notes, people or anything of an inactive estate.
 */
describe('public directory: communities and estates by name, no login', () => {
  let api: TestApi;
  let tenant: Tenant;

  beforeAll(async () => {
    api = await startTestApi();
    tenant = await createTenant(api.em());
    const em = api.em();
    makeEstate(em, tenant.community, {
      name: '翡翠龙湾小区',
      address: '凤鸣街道 8 号',
      notes: '门卫电话 10012345678',
    });
    makeEstate(em, tenant.community, { name: '已拆迁小区', active: false });
    await em.flush();
  });
  afterAll(() => api.close());

  it('lists the communities with their zone, with no token', async () => {
    const response = await api.http.get('/api/v1/public/communities');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.body.items).toContainEqual({
      slug: tenant.community.slug,
      name: tenant.community.name,
      timeZone: 'Asia/Shanghai',
    });
  });

  it("lists a community's active estates by name, and nothing else about them", async () => {
    const response = await api.http.get(`/api/v1/public/communities/${tenant.community.slug}/estates`);
    expect(response.status).toBe(200);
    expect(response.body.community).toEqual({
      slug: tenant.community.slug,
      name: tenant.community.name,
      timeZone: 'Asia/Shanghai',
    });
    const names = (response.body.items as { name: string }[]).map((estate) => estate.name);
    // Ordered by name in the database's collation; compared here as a set.
    expect([...names].sort()).toEqual([tenant.estate.name, '翡翠龙湾小区'].sort());
    for (const estate of response.body.items) expect(Object.keys(estate).sort()).toEqual(['id', 'name']);
    const text = JSON.stringify(response.body);
    for (const secret of ['凤鸣街道 8 号', '10012345678', '已拆迁小区']) expect(text).not.toContain(secret);
  });

  it('answers 404 for an unknown community and 400 for a malformed slug, as problem+json', async () => {
    const unknown = await api.http.get('/api/v1/public/communities/no-such-community/estates');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const malformed = await api.http.get(
      `/api/v1/public/communities/${encodeURIComponent('../ETC')}/estates`,
    );
    expect([malformed.status, malformed.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
