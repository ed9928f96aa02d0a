import { createTenant, Tenant, TEST_PASSWORD, countRecords, membershipIdOf } from '@linli/identity/testing';
import { startTestApi, TestApi } from '../support/test-api';
import { Bearers, signInAll } from '../support/auth';
import { errorFields, expectProblem, expectStatus, ids } from './identity-e2e.helpers';

const PERSON_KEYS = [
  'active',
  'birthYear',
  'createdAt',
  'email',
  'homeEstateId',
  'id',
  'languages',
  'name',
  'phone',
  'qualifications',
  'skills',
  'timeZone',
  'updatedAt',
];

describe('people: /api/v1/people', () => {
  let api: TestApi;
  let t: Tenant;
  let as: Bearers;

  beforeAll(async () => {
    api = await startTestApi();
    t = await createTenant(api.em());
    as = await signInAll(api, t);
  });
  afterAll(() => api.close());

  const create = (bearer: string, body: Record<string, unknown>) =>
    api.http.post('/api/v1/people').set('authorization', bearer).send(body);
  const get = (bearer: string, id: string) =>
    api.http.get(`/api/v1/people/${id}`).set('authorization', bearer);
  const patch = (bearer: string, id: string, body: Record<string, unknown>) =>
    api.http.patch(`/api/v1/people/${id}`).set('authorization', bearer).send(body);
  const list = (bearer: string, query = '') =>
    api.http.get(`/api/v1/people?${query}`).set('authorization', bearer);

  describe('as organiser', () => {
    it('creates a person: 201 with the response shape and no internal fields', async () => {
      const response = await create(as.organiser, {
        name: '  李阿姨  ',
        phone: '138 0000 0001',
        email: 'Li.AYi@Example.COM',
        birthYear: 1958,
        homeEstateId: t.estate.id,
        skills: ['理发', '缝补'],
        qualifications: ['健康证'],
        languages: ['zh-CN', 'en'],
      });
      expectStatus(response, 201);
      expect(Object.keys(response.body).sort()).toEqual(PERSON_KEYS);
      expect(response.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: '李阿姨',
        phone: '138 0000 0001',
        email: 'li.ayi@example.com',
        birthYear: 1958,
        homeEstateId: t.estate.id,
        skills: ['理发', '缝补'],
        qualifications: ['健康证'],
        languages: ['zh-CN', 'en'],
        active: true,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+08:00$/),
        updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+08:00$/),
        timeZone: 'Asia/Shanghai',
      });
      const read = await get(as.organiser, response.body.id);
      expect(read.body).toEqual(response.body);
    });

    it('fills defaults for a person given only a name', async () => {
      const response = await create(as.organiser, { name: '王师傅' });
      expectStatus(response, 201);
      expect(response.body).toMatchObject({
        phone: null,
        email: null,
        birthYear: null,
        homeEstateId: null,
        skills: [],
        qualifications: [],
        languages: ['zh-CN'],
        active: true,
      });
    });

    it('clears optional fields with null and leaves the others alone', async () => {
      const created = await create(as.organiser, {
        name: '清空测试',
        phone: '13800000002',
        email: 'clear@example.com',
        birthYear: 1990,
        homeEstateId: t.estate.id,
        skills: ['修鞋'],
      });
      const response = await patch(as.organiser, created.body.id, {
        phone: null,
        email: null,
        birthYear: null,
        homeEstateId: null,
      });
      expectStatus(response, 200);
      expect(response.body).toMatchObject({
        name: '清空测试',
        phone: null,
        email: null,
        birthYear: null,
        homeEstateId: null,
        skills: ['修鞋'],
      });
      expect((await get(as.organiser, created.body.id)).body).toMatchObject({
        phone: null,
        homeEstateId: null,
      });
    });

    it('pages a list with page, pageSize and total, in a stable order without overlaps', async () => {
      for (const n of [3, 1, 5, 2, 4]) await create(as.organiser, { name: `pager-${n}` });
      const first = await list(as.organiser, 'q=pager-&pageSize=2&page=1');
      const second = await list(as.organiser, 'q=pager-&pageSize=2&page=2');
      const third = await list(as.organiser, 'q=pager-&pageSize=2&page=3');
      const beyond = await list(as.organiser, 'q=pager-&pageSize=2&page=4');
      expect(first.body).toMatchObject({ page: 1, pageSize: 2, total: 5 });
      expect(third.body).toMatchObject({ page: 3, pageSize: 2, total: 5 });
      expect(beyond.body).toEqual({ items: [], page: 4, pageSize: 2, total: 5 });
      const names = [first, second, third].flatMap((r) => r.body.items.map((p: { name: string }) => p.name));
      expect(names).toEqual(['pager-1', 'pager-2', 'pager-3', 'pager-4', 'pager-5']);
    });

    it('sorts descending with a leading minus', async () => {
      const byName = await list(as.organiser, 'q=pager-&sort=-name');
      expect(byName.body.items.map((p: { name: string }) => p.name)).toEqual([
        'pager-5',
        'pager-4',
        'pager-3',
        'pager-2',
        'pager-1',
      ]);
      for (const [name, birthYear] of [
        ['born-a', 1950],
        ['born-b', 1980],
        ['born-c', 1965],
      ] as const) {
        await create(as.organiser, { name, birthYear });
      }
      const byYear = await list(as.organiser, 'q=born-&sort=-birthYear');
      expect(byYear.body.items.map((p: { birthYear: number }) => p.birthYear)).toEqual([1980, 1965, 1950]);
      const ascending = await list(as.organiser, 'q=born-&sort=birthYear');
      expect(ascending.body.items.map((p: { birthYear: number }) => p.birthYear)).toEqual([1950, 1965, 1980]);
    });

    it('filters by q on name or phone, literally (no wildcards)', async () => {
      const phoneOwner = await create(as.organiser, { name: '电话查找', phone: '+86 139 1234 5678' });
      expect(ids(await list(as.organiser, `q=${encodeURIComponent('1234 5678')}`))).toEqual([
        phoneOwner.body.id,
      ]);
      const percent = await create(as.organiser, { name: '100%满意' });
      expect(ids(await list(as.organiser, `q=${encodeURIComponent('%')}`))).toEqual([percent.body.id]);
      expect(ids(await list(as.organiser, 'q=_'))).toEqual([]);
      expect((await list(as.organiser, 'q=PAGER-')).body.total).toBe(5);
    });

    it('filters by estateId, organisationId, skill, qualification and active', async () => {
      const barber = await create(as.organiser, {
        name: 'filter-barber',
        homeEstateId: t.estate.id,
        skills: ['理发', '修鞋'],
        qualifications: ['健康证'],
      });
      const electrician = await create(as.organiser, {
        name: 'filter-electrician',
        qualifications: ['电工证'],
      });
      const q = 'q=filter-';
      expect(ids(await list(as.organiser, `${q}&estateId=${t.estate.id}`))).toEqual([barber.body.id]);
      expect(ids(await list(as.organiser, `${q}&skill=${encodeURIComponent('修鞋')}`))).toEqual([
        barber.body.id,
      ]);
      expect(ids(await list(as.organiser, `${q}&skill=${encodeURIComponent('修')}`))).toEqual([]);
      expect(ids(await list(as.organiser, `${q}&qualification=${encodeURIComponent('电工证')}`))).toEqual([
        electrician.body.id,
      ]);
      const members = await list(as.organiser, `organisationId=${t.organisation.id}`);
      expect(ids(members).sort()).toEqual([t.people.coordinator.id, t.people.member.id].sort());
      expect(
        ids(await list(as.organiser, `estateId=${t.estate.id}&organisationId=${t.organisation.id}`)),
      ).toEqual([t.people.member.id]);

      await patch(as.organiser, electrician.body.id, { active: false });
      expect(ids(await list(as.organiser, `${q}&active=false`))).toEqual([electrician.body.id]);
      expect(ids(await list(as.organiser, `${q}&active=true`))).toEqual([barber.body.id]);
      expect((await list(as.organiser, q)).body.total).toBe(2);
    });

    it('leaves out people whose membership has ended when filtering by organisation', async () => {
      const person = await create(as.organiser, { name: '离开的成员' });
      const joined = await api.http
        .post('/api/v1/memberships')
        .set('authorization', as.organiser)
        .send({ personId: person.body.id, organisationId: t.otherOrganisation.id });
      expectStatus(joined, 201);
      expect(ids(await list(as.organiser, `organisationId=${t.otherOrganisation.id}`))).toContain(
        person.body.id,
      );
      await api.http.delete(`/api/v1/memberships/${joined.body.id}`).set('authorization', as.organiser);
      expect(ids(await list(as.organiser, `organisationId=${t.otherOrganisation.id}`))).not.toContain(
        person.body.id,
      );
    });

    it('deletes a person without history: outcome deleted, then 404', async () => {
      const person = await create(as.organiser, { name: '录错了' });
      const removed = await api.http
        .delete(`/api/v1/people/${person.body.id}`)
        .set('authorization', as.organiser);
      expectStatus(removed, 200);
      expect(removed.body).toEqual({ id: person.body.id, outcome: 'deleted' });
      expectProblem(await get(as.organiser, person.body.id), 404, 'NOT_FOUND');
      const again = await api.http
        .delete(`/api/v1/people/${person.body.id}`)
        .set('authorization', as.organiser);
      expectProblem(again, 404, 'NOT_FOUND');
    });

    it('deactivates a person with a membership: outcome deactivated, still readable', async () => {
      const removed = await api.http
        .delete(`/api/v1/people/${t.people.member.id}`)
        .set('authorization', as.organiser);
      expectStatus(removed, 200);
      expect(removed.body).toEqual({ id: t.people.member.id, outcome: 'deactivated' });
      const read = await get(as.organiser, t.people.member.id);
      expectStatus(read, 200);
      expect(read.body.active).toBe(false);
      expect(ids(await list(as.organiser, 'active=false&pageSize=100'))).toContain(t.people.member.id);
      // Restore for the role tests below.
      expectStatus(await patch(as.organiser, t.people.member.id, { active: true }), 200);
    });

    it('deactivates a person who has only an account, and their login stops working', async () => {
      const person = await create(as.organiser, { name: '有账号的人' });
      const account = await api.http.post('/api/v1/accounts').set('authorization', as.organiser).send({
        email: 'has-account@test.linli',
        password: TEST_PASSWORD,
        role: 'volunteer',
        personId: person.body.id,
      });
      expectStatus(account, 201);
      const removed = await api.http
        .delete(`/api/v1/people/${person.body.id}`)
        .set('authorization', as.organiser);
      expect(removed.body).toEqual({ id: person.body.id, outcome: 'deactivated' });
      const login = await api.http
        .post('/api/v1/auth/login')
        .send({ login: 'has-account@test.linli', password: TEST_PASSWORD });
      expectProblem(login, 401, 'INVALID_CREDENTIALS');
    });
  });

  describe('as coordinator', () => {
    it('lists only themselves and their organisation’s members', async () => {
      const response = await list(as.coordinator, 'pageSize=100');
      expectStatus(response, 200);
      expect(ids(response).sort()).toEqual([t.people.coordinator.id, t.people.member.id].sort());
      expect(response.body.total).toBe(2);
      const other = await list(as.coordinator, `organisationId=${t.otherOrganisation.id}`);
      expect(other.body).toMatchObject({ items: [], total: 0 });
    });

    it('reads a member and themselves, but a non-member answers 404', async () => {
      expectStatus(await get(as.coordinator, t.people.member.id), 200);
      expectStatus(await get(as.coordinator, t.people.coordinator.id), 200);
      expectProblem(await get(as.coordinator, t.people.volunteer.id), 404, 'NOT_FOUND');
      expectProblem(await get(as.coordinator, t.people.organiser.id), 404, 'NOT_FOUND');
      expectProblem(
        await patch(as.coordinator, t.people.volunteer.id, { phone: '13800000003' }),
        404,
        'NOT_FOUND',
      );
    });

    it('creates a person who joins their organisation as a member', async () => {
      const response = await create(as.coordinator, { name: '新成员', skills: ['剪纸'] });
      expectStatus(response, 201);
      expect(Object.keys(response.body).sort()).toEqual(PERSON_KEYS);
      const memberships = await api.http
        .get(`/api/v1/memberships?personId=${response.body.id}`)
        .set('authorization', as.organiser);
      expect(memberships.body.total).toBe(1);
      expect(memberships.body.items[0]).toMatchObject({
        personId: response.body.id,
        organisationId: t.organisation.id,
        role: 'member',
        active: true,
      });
      expectStatus(await get(as.coordinator, response.body.id), 200);
      expect(ids(await list(as.coordinator, 'pageSize=100'))).toContain(response.body.id);
    });

    it('loses sight of a person once their membership ends', async () => {
      const person = await create(as.coordinator, { name: '将离开' });
      expectStatus(await get(as.coordinator, person.body.id), 200);
      const id = await membershipIdOf(api.em(), person.body.id, t.organisation.id);
      expectStatus(
        await api.http.delete(`/api/v1/memberships/${id}`).set('authorization', as.organiser),
        200,
      );
      expectProblem(await get(as.coordinator, person.body.id), 404, 'NOT_FOUND');
      expect(ids(await list(as.coordinator, 'pageSize=100'))).not.toContain(person.body.id);
    });

    it('cannot record qualifications when creating, and nothing is written', async () => {
      const before = [await countRecords(api.em(), 'person'), await countRecords(api.em(), 'membership')];
      const response = await create(as.coordinator, { name: '带证书', qualifications: ['电工证'] });
      expectProblem(response, 403, 'FORBIDDEN');
      expect(errorFields(response)).toEqual(['body.qualifications']);
      expect([await countRecords(api.em(), 'person'), await countRecords(api.em(), 'membership')]).toEqual(
        before,
      );
    });

    it('edits a member’s contact and skills but not their qualifications or whether they are active', async () => {
      const ok = await patch(as.coordinator, t.people.member.id, { phone: '13800000004', skills: ['修伞'] });
      expectStatus(ok, 200);
      expect(ok.body).toMatchObject({ phone: '13800000004', skills: ['修伞'] });
      const refused = await patch(as.coordinator, t.people.member.id, {
        phone: '13800000005',
        active: false,
      });
      expectProblem(refused, 403, 'FORBIDDEN');
      expect(errorFields(refused)).toEqual(['body.active']);
      const certified = await patch(as.coordinator, t.people.member.id, { qualifications: ['电工证'] });
      expectProblem(certified, 403, 'FORBIDDEN');
      expect(errorFields(certified)).toEqual(['body.qualifications']);
      expect((await get(as.organiser, t.people.member.id)).body).toMatchObject({
        phone: '13800000004',
        qualifications: [],
        active: true,
      });
    });

    it('cannot set their own qualifications or active flag', async () => {
      const response = await patch(as.coordinator, t.people.coordinator.id, {
        qualifications: ['健康证'],
        active: true,
      });
      expectProblem(response, 403, 'FORBIDDEN');
      expect(errorFields(response).sort()).toEqual(['body.active', 'body.qualifications']);
      expectStatus(await patch(as.coordinator, t.people.coordinator.id, { languages: ['zh-CN', 'en'] }), 200);
    });

    it('cannot delete people', async () => {
      const response = await api.http
        .delete(`/api/v1/people/${t.people.member.id}`)
        .set('authorization', as.coordinator);
      expectProblem(response, 403, 'FORBIDDEN');
      expect((await get(as.organiser, t.people.member.id)).body.active).toBe(true);
    });
  });

  describe('as volunteer', () => {
    it('lists only themselves, whatever the filters', async () => {
      for (const query of ['', 'pageSize=100', `organisationId=${t.organisation.id}`, 'q=成员']) {
        const response = await list(as.volunteer, query);
        expectStatus(response, 200);
        if (query === 'q=成员' || query.startsWith('organisationId')) {
          expect(response.body).toMatchObject({ items: [], total: 0 });
        } else {
          expect(ids(response)).toEqual([t.people.volunteer.id]);
          expect(response.body.total).toBe(1);
        }
      }
    });

    it('edits their own phone and skills', async () => {
      const response = await patch(as.volunteer, t.people.volunteer.id, {
        phone: '13800000006',
        skills: ['理发'],
      });
      expectStatus(response, 200);
      expect(response.body).toMatchObject({
        id: t.people.volunteer.id,
        phone: '13800000006',
        skills: ['理发'],
      });
      expect((await get(as.volunteer, t.people.volunteer.id)).body.skills).toEqual(['理发']);
    });

    it.each([
      [{ qualifications: ['健康证'] }, ['body.qualifications']],
      [{ active: false }, ['body.active']],
      [{ phone: '13800000007', qualifications: [], active: true }, ['body.active', 'body.qualifications']],
    ])('cannot change staff-only fields on themselves: %j', async (body, fields) => {
      const response = await patch(as.volunteer, t.people.volunteer.id, body);
      expectProblem(response, 403, 'FORBIDDEN');
      expect(errorFields(response).sort()).toEqual(fields);
      expect((await get(as.organiser, t.people.volunteer.id)).body).toMatchObject({
        phone: '13800000006',
        qualifications: [],
        active: true,
      });
    });

    it('gets 404 for anyone else, reading or editing', async () => {
      for (const person of [t.people.organiser, t.people.coordinator, t.people.member]) {
        expectProblem(await get(as.volunteer, person.id), 404, 'NOT_FOUND');
        expectProblem(await patch(as.volunteer, person.id, { phone: '13800000008' }), 404, 'NOT_FOUND');
      }
      expect((await get(as.organiser, t.people.member.id)).body.phone).toBe('13800000004');
    });

    it('cannot create or delete people', async () => {
      const before = await countRecords(api.em(), 'person');
      expectProblem(await create(as.volunteer, { name: '不许' }), 403, 'FORBIDDEN');
      const removed = await api.http
        .delete(`/api/v1/people/${t.people.volunteer.id}`)
        .set('authorization', as.volunteer);
      expectProblem(removed, 403, 'FORBIDDEN');
      expect(await countRecords(api.em(), 'person')).toBe(before);
    });
  });

  describe('validation', () => {
    it('rejects unknown body fields, naming each one, and writes nothing', async () => {
      const before = await countRecords(api.em(), 'person');
      const response = await create(as.organiser, { name: '多余字段', bogus: 1, community: 'x' });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(errorFields(response).sort()).toEqual(['body.bogus', 'body.community']);
      const patched = await patch(as.organiser, t.people.member.id, { passwordHash: 'x' });
      expectProblem(patched, 400, 'VALIDATION_FAILED');
      expect(errorFields(patched)).toEqual(['body.passwordHash']);
      expect(await countRecords(api.em(), 'person')).toBe(before);
    });

    it.each([
      ['get', 'not-a-uuid'],
      ['patch', '12345'],
      ['delete', '00000000-0000-0000-0000-00000000000g'],
    ] as const)('answers %s with a bad uuid in the path with 400 param.id', async (method, id) => {
      const url = `/api/v1/people/${id}`;
      const request = method === 'patch' ? api.http.patch(url).send({ name: 'x' }) : api.http[method](url);
      const response = await request.set('authorization', as.organiser);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(errorFields(response)).toEqual(['param.id']);
    });

    it.each([
      ['pageSize=101', 'query.pageSize'],
      ['pageSize=0', 'query.pageSize'],
      ['page=0', 'query.page'],
      ['page=abc', 'query.page'],
      ['sort=passwordHash', 'query.sort'],
      ['active=yes', 'query.active'],
      ['estateId=nope', 'query.estateId'],
      ['organisationId=nope', 'query.organisationId'],
      [`q=${'x'.repeat(101)}`, 'query.q'],
      [`skill=${'x'.repeat(51)}`, 'query.skill'],
      ['bogus=1', 'query.bogus'],
    ])('rejects the query %s', async (query, field) => {
      const response = await list(as.organiser, query);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(errorFields(response)).toEqual([field]);
    });

    it('accepts pageSize 100, the largest page', async () => {
      const response = await list(as.organiser, 'pageSize=100');
      expectStatus(response, 200);
      expect(response.body.pageSize).toBe(100);
    });

    it.each([
      [{ name: 'x'.repeat(101) }, 'body.name'],
      [{ name: '   ' }, 'body.name'],
      [{}, 'body.name'],
      [{ name: 'ok', phone: 'call me' }, 'body.phone'],
      [{ name: 'ok', email: 'not-an-email' }, 'body.email'],
      [{ name: 'ok', birthYear: 1899 }, 'body.birthYear'],
      [{ name: 'ok', birthYear: 1990.5 }, 'body.birthYear'],
      [{ name: 'ok', homeEstateId: 'somewhere' }, 'body.homeEstateId'],
      [{ name: 'ok', skills: ['x'.repeat(51)] }, 'body.skills.0'],
      [{ name: 'ok', skills: Array.from({ length: 31 }, (_, i) => `s${i}`) }, 'body.skills'],
      [{ name: 'ok', languages: ['chinese!'] }, 'body.languages.0'],
      [{ name: 'ok', languages: [] }, 'body.languages'],
    ])('rejects the body %j at %s', async (body, field) => {
      const before = await countRecords(api.em(), 'person');
      const response = await create(as.organiser, body);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(errorFields(response)).toEqual([field]);
      expect(await countRecords(api.em(), 'person')).toBe(before);
    });

    it('refuses null for the required name on update', async () => {
      const response = await patch(as.organiser, t.people.member.id, { name: null });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(errorFields(response)).toEqual(['body.name']);
    });
  });
});
