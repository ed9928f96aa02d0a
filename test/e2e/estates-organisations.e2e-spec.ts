import { createTenant, Tenant, countRecords } from '@linli/identity/testing';
import { startTestApi, TestApi } from '../support/test-api';
import { Bearers, bearerFor, signInAll } from '../support/auth';
import { errorFields, expectProblem, expectStatus, ids } from './identity-e2e.helpers';

const ESTATE_KEYS = [
  'active',
  'address',
  'createdAt',
  'households',
  'id',
  'latitude',
  'longitude',
  'name',
  'notes',
  'timeZone',
  'updatedAt',
];
const ORGANISATION_KEYS = [
  'active',
  'contactEmail',
  'contactName',
  'contactPhone',
  'createdAt',
  'id',
  'kind',
  'kindLabel',
  'name',
  'timeZone',
  'updatedAt',
];

describe('estates and organisations: /api/v1/estates, /api/v1/organisations', () => {
  let api: TestApi;
  let t: Tenant;
  let as: Bearers;

  beforeAll(async () => {
    api = await startTestApi();
    t = await createTenant(api.em());
    as = await signInAll(api, t);
  });
  afterAll(() => api.close());

  describe('estates', () => {
    const create = (bearer: string, body: Record<string, unknown>) =>
      api.http.post('/api/v1/estates').set('authorization', bearer).send(body);
    const get = (bearer: string, id: string) =>
      api.http.get(`/api/v1/estates/${id}`).set('authorization', bearer);
    const patch = (bearer: string, id: string, body: Record<string, unknown>) =>
      api.http.patch(`/api/v1/estates/${id}`).set('authorization', bearer).send(body);
    const list = (bearer: string, query = '') =>
      api.http.get(`/api/v1/estates?${query}`).set('authorization', bearer);

    it('creates an estate: 201 with the response shape and no internal fields', async () => {
      const response = await create(as.organiser, {
        name: ' 翡翠龙湾小区 ',
        address: '凤鸣街道 1 号',
        latitude: 30.19,
        longitude: 103.83,
        households: 1200,
        notes: '东门停车',
      });
      expectStatus(response, 201);
      expect(Object.keys(response.body).sort()).toEqual(ESTATE_KEYS);
      expect(response.body).toEqual({
        id: expect.any(String),
        name: '翡翠龙湾小区',
        address: '凤鸣街道 1 号',
        latitude: 30.19,
        longitude: 103.83,
        households: 1200,
        notes: '东门停车',
        active: true,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+08:00$/),
        updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+08:00$/),
        timeZone: 'Asia/Shanghai',
      });
      expect((await get(as.volunteer, response.body.id)).body).toEqual(response.body);
    });

    it('answers 409 ALREADY_EXISTS for a name the community already uses, on create and on rename', async () => {
      const before = await countRecords(api.em(), 'estate');
      const duplicate = await create(as.organiser, { name: '翡翠龙湾小区' });
      expectProblem(duplicate, 409, 'ALREADY_EXISTS');
      expect(await countRecords(api.em(), 'estate')).toBe(before);
      const other = await create(as.organiser, { name: '锦江小区' });
      const renamed = await patch(as.organiser, other.body.id, { name: '翡翠龙湾小区', notes: '改名' });
      expectProblem(renamed, 409, 'ALREADY_EXISTS');
      expect((await get(as.organiser, other.body.id)).body).toMatchObject({ name: '锦江小区', notes: null });
    });

    it('allows the same name in another community', async () => {
      const neighbour = await createTenant(api.em());
      const organiser = await bearerFor(api, neighbour.accounts.organiser.email);
      expectStatus(await create(organiser, { name: '翡翠龙湾小区' }), 201);
    });

    it('clears optional fields with null', async () => {
      const created = await create(as.organiser, {
        name: '清空小区',
        address: '某路',
        latitude: 30,
        longitude: 103,
        households: 10,
        notes: 'n',
      });
      const response = await patch(as.organiser, created.body.id, {
        address: null,
        latitude: null,
        longitude: null,
        households: null,
        notes: null,
      });
      expectStatus(response, 200);
      expect(response.body).toMatchObject({
        name: '清空小区',
        address: null,
        latitude: null,
        longitude: null,
        households: null,
        notes: null,
      });
    });

    it('deactivates with DELETE: active false, still readable and listed under active=false', async () => {
      const created = await create(as.organiser, { name: '拆迁小区' });
      const removed = await api.http
        .delete(`/api/v1/estates/${created.body.id}`)
        .set('authorization', as.organiser);
      expectStatus(removed, 200);
      expect(removed.body).toMatchObject({ id: created.body.id, active: false, name: '拆迁小区' });
      const read = await get(as.coordinator, created.body.id);
      expectStatus(read, 200);
      expect(read.body.active).toBe(false);
      expect(ids(await list(as.organiser, 'active=false&pageSize=100'))).toContain(created.body.id);
      expect(ids(await list(as.organiser, 'active=true&pageSize=100'))).not.toContain(created.body.id);
      expect(ids(await list(as.organiser, 'pageSize=100'))).toContain(created.body.id);
      const reactivated = await patch(as.organiser, created.body.id, { active: true });
      expect(reactivated.body.active).toBe(true);
    });

    it('pages, filters by q and sorts descending', async () => {
      for (const [name, households] of [
        ['sort-estate-b', 300],
        ['sort-estate-d', 100],
        ['sort-estate-a', 400],
        ['sort-estate-c', 200],
      ] as const) {
        expectStatus(await create(as.organiser, { name, households }), 201);
      }
      const names = (r: { body: { items: { name: string }[] } }) => r.body.items.map((e) => e.name);
      expect(names(await list(as.organiser, 'q=SORT-ESTATE'))).toEqual([
        'sort-estate-a',
        'sort-estate-b',
        'sort-estate-c',
        'sort-estate-d',
      ]);
      expect(names(await list(as.organiser, 'q=sort-estate&sort=-name'))).toEqual([
        'sort-estate-d',
        'sort-estate-c',
        'sort-estate-b',
        'sort-estate-a',
      ]);
      expect(names(await list(as.organiser, 'q=sort-estate&sort=-households'))).toEqual([
        'sort-estate-a',
        'sort-estate-b',
        'sort-estate-c',
        'sort-estate-d',
      ]);
      const second = await list(as.organiser, 'q=sort-estate&sort=-name&pageSize=3&page=2');
      expect(second.body).toMatchObject({ page: 2, pageSize: 3, total: 4 });
      expect(names(second)).toEqual(['sort-estate-a']);
      expect((await list(as.organiser, 'q=%25')).body.total).toBe(0);
    });

    it('lets everyone read, and only organisers write (403)', async () => {
      for (const bearer of [as.coordinator, as.volunteer]) {
        expectStatus(await list(bearer), 200);
        expectStatus(await get(bearer, t.estate.id), 200);
        const before = await countRecords(api.em(), 'estate');
        expectProblem(await create(bearer, { name: '越权小区' }), 403, 'FORBIDDEN');
        expect(await countRecords(api.em(), 'estate')).toBe(before);
        expectProblem(await patch(bearer, t.estate.id, { notes: '越权' }), 403, 'FORBIDDEN');
        const removed = await api.http.delete(`/api/v1/estates/${t.estate.id}`).set('authorization', bearer);
        expectProblem(removed, 403, 'FORBIDDEN');
      }
      expect((await get(as.organiser, t.estate.id)).body).toMatchObject({ notes: null, active: true });
    });

    it.each([
      [{ name: 'x'.repeat(101) }, ['body.name']],
      [{ name: '' }, ['body.name']],
      [{ name: 'ok', address: 'x'.repeat(201) }, ['body.address']],
      [{ name: 'ok', notes: 'x'.repeat(2001) }, ['body.notes']],
      [{ name: 'ok', latitude: 91 }, ['body.latitude']],
      [{ name: 'ok', longitude: -181 }, ['body.longitude']],
      [{ name: 'ok', households: -1 }, ['body.households']],
      [{ name: 'ok', households: 2.5 }, ['body.households']],
      [{ name: 'ok', households: '12' }, ['body.households']],
      [{ name: 'ok', active: false }, ['body.active']],
      [{ name: 'ok', id: '7d6f2a51-0c0e-4b5e-9a1d-2f3c4b5a6d7e', bogus: 1 }, ['body.bogus', 'body.id']],
    ])('rejects the body %j', async (body, fields) => {
      const before = await countRecords(api.em(), 'estate');
      const response = await create(as.organiser, body);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(errorFields(response).sort()).toEqual(fields);
      expect(await countRecords(api.em(), 'estate')).toBe(before);
    });

    it.each([
      ['pageSize=101', 'query.pageSize'],
      ['sort=address', 'query.sort'],
      ['active=no', 'query.active'],
      ['kind=community', 'query.kind'],
    ])('rejects the query %s', async (query, field) => {
      const response = await list(as.organiser, query);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(errorFields(response)).toEqual([field]);
    });

    it('answers a bad uuid in the path with 400 param.id, and a PATCH of name to null with 400', async () => {
      const response = await get(as.organiser, 'abc');
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(errorFields(response)).toEqual(['param.id']);
      const nulled = await patch(as.organiser, t.estate.id, { name: null });
      expectProblem(nulled, 400, 'VALIDATION_FAILED');
      expect(errorFields(nulled)).toEqual(['body.name']);
    });
  });

  describe('organisations', () => {
    const create = (bearer: string, body: Record<string, unknown>) =>
      api.http.post('/api/v1/organisations').set('authorization', bearer).send(body);
    const get = (bearer: string, id: string) =>
      api.http.get(`/api/v1/organisations/${id}`).set('authorization', bearer);
    const patch = (bearer: string, id: string, body: Record<string, unknown>) =>
      api.http.patch(`/api/v1/organisations/${id}`).set('authorization', bearer).send(body);
    const list = (bearer: string, query = '') =>
      api.http.get(`/api/v1/organisations?${query}`).set('authorization', bearer);

    it('creates an organisation: 201 with its kind label and a lower-cased email', async () => {
      const response = await create(as.organiser, {
        name: '城南社工站',
        kind: 'professional_social_workers',
        contactName: '张社工',
        contactPhone: '+86 28 3800 0000',
        contactEmail: 'Office@SheGong.CN',
      });
      expectStatus(response, 201);
      expect(Object.keys(response.body).sort()).toEqual(ORGANISATION_KEYS);
      expect(response.body).toEqual({
        id: expect.any(String),
        name: '城南社工站',
        kind: 'professional_social_workers',
        kindLabel: { zh: '专业社工', en: 'Professional social workers' },
        contactName: '张社工',
        contactPhone: '+86 28 3800 0000',
        contactEmail: 'office@shegong.cn',
        active: true,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+08:00$/),
        updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+08:00$/),
        timeZone: 'Asia/Shanghai',
      });
      expect((await get(as.volunteer, response.body.id)).body).toEqual(response.body);
    });

    it('answers 409 ALREADY_EXISTS for a duplicate name in the community', async () => {
      const before = await countRecords(api.em(), 'organisation');
      const response = await create(as.organiser, { name: '城南社工站', kind: 'social_enterprise' });
      expectProblem(response, 409, 'ALREADY_EXISTS');
      expect(await countRecords(api.em(), 'organisation')).toBe(before);
    });

    it('filters by kind, active and q, and sorts', async () => {
      for (const [name, kind] of [
        ['org-sort-b', 'stationed_unit'],
        ['org-sort-a', 'community'],
        ['org-sort-c', 'stationed_unit'],
      ] as const) {
        expectStatus(await create(as.organiser, { name, kind }), 201);
      }
      const names = (r: { body: { items: { name: string }[] } }) => r.body.items.map((o) => o.name);
      expect(names(await list(as.organiser, 'q=org-sort&kind=stationed_unit'))).toEqual([
        'org-sort-b',
        'org-sort-c',
      ]);
      expect(names(await list(as.organiser, 'q=org-sort&sort=-name'))).toEqual([
        'org-sort-c',
        'org-sort-b',
        'org-sort-a',
      ]);
      const byKindAscending = await list(as.organiser, 'q=org-sort&sort=kind');
      const kinds = (r: { body: { items: { kind: string }[] } }) => r.body.items.map((o) => o.kind);
      expect(kinds(byKindAscending)).toEqual(['community', 'stationed_unit', 'stationed_unit']);
      const byKindDescending = await list(as.organiser, 'q=org-sort&sort=-kind');
      expect(kinds(byKindDescending)).toEqual(['stationed_unit', 'stationed_unit', 'community']);
      // Ties are broken by id, the same way in both directions, so pages stay stable.
      expect(ids(byKindDescending).slice(0, 2)).toEqual(ids(byKindAscending).slice(1));
      const byKind = await list(as.organiser, 'kind=social_enterprise&pageSize=100');
      expect(ids(byKind)).toContain(t.otherOrganisation.id);
      for (const item of byKind.body.items) expect(item.kind).toBe('social_enterprise');
      const paged = await list(as.organiser, 'q=org-sort&pageSize=2&page=2');
      expect(paged.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
      expect(names(paged)).toEqual(['org-sort-c']);
    });

    it('clears contact details with null', async () => {
      const created = await create(as.organiser, {
        name: '清空组织',
        kind: 'social_organisation',
        contactName: '某人',
        contactPhone: '13800000010',
        contactEmail: 'x@example.com',
      });
      const response = await patch(as.organiser, created.body.id, {
        contactName: null,
        contactPhone: null,
        contactEmail: null,
      });
      expectStatus(response, 200);
      expect(response.body).toMatchObject({
        name: '清空组织',
        contactName: null,
        contactPhone: null,
        contactEmail: null,
      });
    });

    it('deactivates with DELETE: active false, still readable, listed under active=false', async () => {
      const created = await create(as.organiser, { name: '解散的组织', kind: 'social_organisation' });
      const removed = await api.http
        .delete(`/api/v1/organisations/${created.body.id}`)
        .set('authorization', as.organiser);
      expectStatus(removed, 200);
      expect(removed.body).toMatchObject({ id: created.body.id, active: false });
      expect((await get(as.coordinator, created.body.id)).body.active).toBe(false);
      expect(ids(await list(as.organiser, 'active=false'))).toEqual([created.body.id]);
      expect(ids(await list(as.organiser, 'active=true&pageSize=100'))).not.toContain(created.body.id);
    });

    it('lets an organiser rename, re-kind and deactivate', async () => {
      const created = await create(as.organiser, { name: '旧名', kind: 'social_organisation' });
      const response = await patch(as.organiser, created.body.id, {
        name: '新名',
        kind: 'social_enterprise',
        active: false,
      });
      expectStatus(response, 200);
      expect(response.body).toMatchObject({
        name: '新名',
        kind: 'social_enterprise',
        kindLabel: { zh: '社会企业', en: 'Social enterprise' },
        active: false,
      });
    });

    describe('as coordinator', () => {
      it('updates its own organisation’s contact details', async () => {
        const response = await patch(as.coordinator, t.organisation.id, {
          contactName: '协调员本人',
          contactPhone: '13800000011',
          contactEmail: 'Coord@Example.com',
        });
        expectStatus(response, 200);
        expect(response.body).toMatchObject({
          name: t.organisation.name,
          contactName: '协调员本人',
          contactPhone: '13800000011',
          contactEmail: 'coord@example.com',
        });
        const cleared = await patch(as.coordinator, t.organisation.id, { contactEmail: null });
        expect(cleared.body).toMatchObject({ contactName: '协调员本人', contactEmail: null });
      });

      it.each([
        [{ name: '改名' }],
        [{ kind: 'community' }],
        [{ active: false }],
        [{ contactName: '顺带改名', name: '改名' }],
      ])('cannot change name, kind or active of its own organisation: %j', async (body) => {
        expectProblem(await patch(as.coordinator, t.organisation.id, body), 403, 'FORBIDDEN');
        expect((await get(as.organiser, t.organisation.id)).body).toMatchObject({
          name: t.organisation.name,
          kind: 'social_organisation',
          active: true,
          contactName: '协调员本人',
        });
      });

      it('cannot touch another organisation (403), create or deactivate organisations', async () => {
        const response = await patch(as.coordinator, t.otherOrganisation.id, { contactName: '越权' });
        expectProblem(response, 403, 'FORBIDDEN');
        expect((await get(as.organiser, t.otherOrganisation.id)).body.contactName).toBeNull();
        const before = await countRecords(api.em(), 'organisation');
        expectProblem(await create(as.coordinator, { name: '新组织', kind: 'community' }), 403, 'FORBIDDEN');
        expect(await countRecords(api.em(), 'organisation')).toBe(before);
        const removed = await api.http
          .delete(`/api/v1/organisations/${t.organisation.id}`)
          .set('authorization', as.coordinator);
        expectProblem(removed, 403, 'FORBIDDEN');
        expect((await get(as.organiser, t.organisation.id)).body.active).toBe(true);
      });

      it('reads every organisation of the community', async () => {
        const response = await list(as.coordinator, 'pageSize=100');
        expect(ids(response)).toEqual(expect.arrayContaining([t.organisation.id, t.otherOrganisation.id]));
      });
    });

    it('lets volunteers read but not write (403)', async () => {
      expectStatus(await get(as.volunteer, t.otherOrganisation.id), 200);
      expectStatus(await list(as.volunteer), 200);
      expectProblem(
        await patch(as.volunteer, t.otherOrganisation.id, { contactName: '我' }),
        403,
        'FORBIDDEN',
      );
      expectProblem(await create(as.volunteer, { name: '我的组织', kind: 'community' }), 403, 'FORBIDDEN');
      const removed = await api.http
        .delete(`/api/v1/organisations/${t.otherOrganisation.id}`)
        .set('authorization', as.volunteer);
      expectProblem(removed, 403, 'FORBIDDEN');
    });

    it.each([
      [{ name: 'ok' }, ['body.kind']],
      [{ name: 'ok', kind: 'club' }, ['body.kind']],
      [{ name: 'x'.repeat(101), kind: 'community' }, ['body.name']],
      [{ name: 'ok', kind: 'community', contactName: 'x'.repeat(101) }, ['body.contactName']],
      [{ name: 'ok', kind: 'community', contactPhone: 'ring ring' }, ['body.contactPhone']],
      [{ name: 'ok', kind: 'community', contactEmail: 'nobody' }, ['body.contactEmail']],
      [{ name: 'ok', kind: 'community', members: [] }, ['body.members']],
    ])('rejects the body %j', async (body, fields) => {
      const before = await countRecords(api.em(), 'organisation');
      const response = await create(as.organiser, body);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(errorFields(response).sort()).toEqual(fields);
      expect(await countRecords(api.em(), 'organisation')).toBe(before);
    });

    it.each([
      ['kind=club', 'query.kind'],
      ['pageSize=1000', 'query.pageSize'],
      ['sort=contactName', 'query.sort'],
    ])('rejects the query %s', async (query, field) => {
      const response = await list(as.organiser, query);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(errorFields(response)).toEqual([field]);
    });

    it('answers a bad uuid in the path with 400 param.id', async () => {
      for (const response of [
        await get(as.organiser, '1'),
        await patch(as.organiser, 'x-y-z', { contactName: 'a' }),
        await api.http.delete('/api/v1/organisations/zzz').set('authorization', as.organiser),
      ]) {
        expectProblem(response, 400, 'VALIDATION_FAILED');
        expect(errorFields(response)).toEqual(['param.id']);
      }
    });
  });
});
