import { createTenant, Tenant, TEST_PASSWORD, countRecords, membershipIdOf } from '@linli/identity/testing';
import { startTestApi, TestApi } from '../support/test-api';
import { Bearers, signInAll } from '../support/auth';
import { errorFields, expectProblem, expectStatus, ids } from './identity-e2e.helpers';

const MEMBERSHIP_KEYS = [
  'active',
  'createdAt',
  'id',
  'organisationId',
  'organisationName',
  'personId',
  'personName',
  'role',
  'timeZone',
  'updatedAt',
];
const ACCOUNT_KEYS = [
  'active',
  'createdAt',
  'email',
  'id',
  'lastLoginAt',
  'organisationId',
  'personId',
  'phone',
  'role',
  'timeZone',
];

describe('memberships and accounts: /api/v1/memberships, /api/v1/accounts', () => {
  let api: TestApi;
  let t: Tenant;
  let as: Bearers;

  beforeAll(async () => {
    api = await startTestApi();
    t = await createTenant(api.em());
    as = await signInAll(api, t);
  });
  afterAll(() => api.close());

  const newPerson = async (name: string): Promise<string> => {
    const response = await api.http.post('/api/v1/people').set('authorization', as.organiser).send({ name });
    expectStatus(response, 201);
    return response.body.id;
  };
  const join = (bearer: string, body: Record<string, unknown>) =>
    api.http.post('/api/v1/memberships').set('authorization', bearer).send(body);
  const get = (bearer: string, id: string) =>
    api.http.get(`/api/v1/memberships/${id}`).set('authorization', bearer);
  const patch = (bearer: string, id: string, body: Record<string, unknown>) =>
    api.http.patch(`/api/v1/memberships/${id}`).set('authorization', bearer).send(body);
  const end = (bearer: string, id: string) =>
    api.http.delete(`/api/v1/memberships/${id}`).set('authorization', bearer);
  const list = (bearer: string, query = '') =>
    api.http.get(`/api/v1/memberships?${query}`).set('authorization', bearer);

  describe('as organiser', () => {
    it('adds a member: 201 with names, role member by default', async () => {
      const personId = await newPerson('入会者');
      const response = await join(as.organiser, { personId, organisationId: t.otherOrganisation.id });
      expectStatus(response, 201);
      expect(Object.keys(response.body).sort()).toEqual(MEMBERSHIP_KEYS);
      expect(response.body).toEqual({
        id: expect.any(String),
        personId,
        personName: '入会者',
        organisationId: t.otherOrganisation.id,
        organisationName: t.otherOrganisation.name,
        role: 'member',
        active: true,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+08:00$/),
        updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+08:00$/),
        timeZone: 'Asia/Shanghai',
      });
      expect((await get(as.organiser, response.body.id)).body).toEqual(response.body);
    });

    it('answers 409 ALREADY_EXISTS for a second active membership of the same pair', async () => {
      const before = await countRecords(api.em(), 'membership');
      const response = await join(as.organiser, {
        personId: t.people.member.id,
        organisationId: t.organisation.id,
      });
      expectProblem(response, 409, 'ALREADY_EXISTS');
      expect(await countRecords(api.em(), 'membership')).toBe(before);
    });

    it('ends a membership with DELETE: active false, still readable, then re-adding reactivates the same row', async () => {
      const personId = await newPerson('来去者');
      const joined = await join(as.organiser, { personId, organisationId: t.organisation.id });
      const ended = await end(as.organiser, joined.body.id);
      expectStatus(ended, 200);
      expect(ended.body).toMatchObject({ id: joined.body.id, active: false, role: 'member' });
      expect((await get(as.organiser, joined.body.id)).body.active).toBe(false);
      expect(ids(await list(as.organiser, `personId=${personId}&active=false`))).toEqual([joined.body.id]);
      expect(ids(await list(as.organiser, `personId=${personId}&active=true`))).toEqual([]);

      const before = await countRecords(api.em(), 'membership');
      const back = await join(as.organiser, {
        personId,
        organisationId: t.organisation.id,
        role: 'coordinator',
      });
      expectStatus(back, 201);
      expect(back.body).toMatchObject({ id: joined.body.id, active: true, role: 'coordinator' });
      expect(await countRecords(api.em(), 'membership')).toBe(before);
      expect((await list(as.organiser, `personId=${personId}`)).body.total).toBe(1);
    });

    it('changes the role with PATCH', async () => {
      const personId = await newPerson('升职者');
      const joined = await join(as.organiser, { personId, organisationId: t.otherOrganisation.id });
      const promoted = await patch(as.organiser, joined.body.id, { role: 'coordinator' });
      expectStatus(promoted, 200);
      expect(promoted.body).toMatchObject({ role: 'coordinator', active: true });
      const demoted = await patch(as.organiser, joined.body.id, { role: 'member' });
      expect(demoted.body.role).toBe('member');
    });

    it('filters by organisationId, personId, role and active, and sorts by role', async () => {
      const byOrganisation = await list(
        as.organiser,
        `organisationId=${t.organisation.id}&active=true&pageSize=100`,
      );
      for (const item of byOrganisation.body.items) expect(item.organisationId).toBe(t.organisation.id);
      expect(byOrganisation.body.items.map((m: { personId: string }) => m.personId)).toEqual(
        expect.arrayContaining([t.people.coordinator.id, t.people.member.id]),
      );
      const coordinators = await list(as.organiser, 'role=coordinator&pageSize=100');
      expect(coordinators.body.items.length).toBeGreaterThan(0);
      for (const item of coordinators.body.items) expect(item.role).toBe('coordinator');
      expect(coordinators.body.items.map((m: { personId: string }) => m.personId)).toContain(
        t.people.coordinator.id,
      );
      const volunteer = await list(as.organiser, `personId=${t.people.volunteer.id}`);
      expect(volunteer.body.items).toEqual([
        expect.objectContaining({ personId: t.people.volunteer.id, organisationId: t.otherOrganisation.id }),
      ]);

      const ascending = await list(as.organiser, `organisationId=${t.organisation.id}&sort=role`);
      const descending = await list(as.organiser, `organisationId=${t.organisation.id}&sort=-role`);
      const roles = (r: { body: { items: { role: string }[] } }) => r.body.items.map((m) => m.role);
      expect(roles(ascending)).toEqual([...roles(ascending)].sort());
      expect(roles(descending)).toEqual([...roles(ascending)].reverse());
      expect(roles(ascending)[0]).toBe('coordinator');
      expect(roles(descending)[0]).toBe('member');
    });

    it('searches with q on the person’s or the organisation’s name, literally', async () => {
      const personId = await newPerson('q-搜索-成员');
      const joined = await join(as.organiser, { personId, organisationId: t.otherOrganisation.id });
      expect(ids(await list(as.organiser, `q=${encodeURIComponent('Q-搜索')}`))).toEqual([joined.body.id]);
      const byOrganisation = await list(
        as.organiser,
        `q=${encodeURIComponent(t.otherOrganisation.name)}&pageSize=100`,
      );
      expect(byOrganisation.body.total).toBeGreaterThanOrEqual(2);
      for (const item of byOrganisation.body.items) expect(item.organisationId).toBe(t.otherOrganisation.id);
      expect(await list(as.organiser, 'q=%25')).toMatchObject({ body: { items: [], total: 0 } });
      const scoped = await list(as.coordinator, `q=${encodeURIComponent('q-搜索')}`);
      expect(scoped.body).toMatchObject({ items: [], total: 0 });
      const combined = await list(
        as.organiser,
        `q=${encodeURIComponent('q-搜索')}&organisationId=${t.organisation.id}`,
      );
      expect(combined.body.total).toBe(0);
    });

    it('pages the list', async () => {
      const all = await list(as.organiser, 'pageSize=100');
      const total = all.body.total;
      expect(total).toBeGreaterThanOrEqual(5);
      const pages = [];
      for (let page = 1; page <= Math.ceil(total / 2); page += 1) {
        const response = await list(as.organiser, `pageSize=2&page=${page}`);
        expect(response.body).toMatchObject({ page, pageSize: 2, total });
        pages.push(...ids(response));
      }
      expect(pages).toEqual(ids(all));
    });
  });

  describe('as coordinator', () => {
    it('lists only their organisation’s memberships', async () => {
      const response = await list(as.coordinator, 'pageSize=100');
      expectStatus(response, 200);
      expect(response.body.total).toBeGreaterThanOrEqual(2);
      for (const item of response.body.items) expect(item.organisationId).toBe(t.organisation.id);
      const other = await list(as.coordinator, `organisationId=${t.otherOrganisation.id}`);
      expect(other.body).toMatchObject({ items: [], total: 0 });
      const volunteer = await list(as.coordinator, `personId=${t.people.volunteer.id}`);
      expect(volunteer.body).toMatchObject({ items: [], total: 0 });
    });

    it('reads its organisation’s memberships; another organisation’s answer 404', async () => {
      expectStatus(
        await get(as.coordinator, await membershipIdOf(api.em(), t.people.member.id, t.organisation.id)),
        200,
      );
      const foreign = await membershipIdOf(api.em(), t.people.volunteer.id, t.otherOrganisation.id);
      expectProblem(await get(as.coordinator, foreign), 404, 'NOT_FOUND');
      expectProblem(await patch(as.coordinator, foreign, { active: false }), 404, 'NOT_FOUND');
      expectProblem(await end(as.coordinator, foreign), 404, 'NOT_FOUND');
      expect((await get(as.organiser, foreign)).body.active).toBe(true);
    });

    it('adds a new person (POST /people joins them), ends the membership; only an organiser re-adds', async () => {
      const created = await api.http
        .post('/api/v1/people')
        .set('authorization', as.coordinator)
        .send({ name: '协调员招的人' });
      expectStatus(created, 201);
      const joinedId = await membershipIdOf(api.em(), created.body.id, t.organisation.id);
      const ended = await end(as.coordinator, joinedId);
      expectStatus(ended, 200);
      expect(ended.body.active).toBe(false);
      expectProblem(
        await join(as.coordinator, { personId: created.body.id, organisationId: t.organisation.id }),
        403,
        'FORBIDDEN',
      );
      const back = await join(as.organiser, { personId: created.body.id, organisationId: t.organisation.id });
      expectStatus(back, 201);
      expect(back.body).toMatchObject({ id: joinedId, active: true, role: 'member' });
    });

    it('cannot take over an existing person by adding them to its organisation (403, nothing written)', async () => {
      const bystander = await newPerson('旁观者');
      const before = await countRecords(api.em(), 'membership');
      for (const personId of [t.people.organiser.id, bystander, t.people.volunteer.id]) {
        const response = await join(as.coordinator, { personId, organisationId: t.organisation.id });
        expectProblem(response, 403, 'FORBIDDEN');
        expectProblem(
          await api.http.get(`/api/v1/people/${personId}`).set('authorization', as.coordinator),
          404,
          'NOT_FOUND',
        );
        expectProblem(
          await api.http
            .patch(`/api/v1/people/${personId}`)
            .set('authorization', as.coordinator)
            .send({ phone: '13800000000' }),
          404,
          'NOT_FOUND',
        );
      }
      expect(await countRecords(api.em(), 'membership')).toBe(before);
    });

    it('cannot appoint coordinators, by adding or by promoting (403)', async () => {
      const personId = await newPerson('想当协调员');
      const before = await countRecords(api.em(), 'membership');
      const appointed = await join(as.coordinator, {
        personId,
        organisationId: t.organisation.id,
        role: 'coordinator',
      });
      expectProblem(appointed, 403, 'FORBIDDEN');
      expect(await countRecords(api.em(), 'membership')).toBe(before);
      const memberId = await membershipIdOf(api.em(), t.people.member.id, t.organisation.id);
      expectProblem(await patch(as.coordinator, memberId, { role: 'coordinator' }), 403, 'FORBIDDEN');
      expect((await get(as.organiser, memberId)).body.role).toBe('member');
    });

    it('cannot add members to another organisation (403), even people it could see', async () => {
      const before = await countRecords(api.em(), 'membership');
      const response = await join(as.coordinator, {
        personId: t.people.member.id,
        organisationId: t.otherOrganisation.id,
      });
      expectProblem(response, 403, 'FORBIDDEN');
      expect(await countRecords(api.em(), 'membership')).toBe(before);
    });

    it('cannot change or end another coordinator’s membership', async () => {
      const personId = await newPerson('第二协调员');
      const appointed = await join(as.organiser, {
        personId,
        organisationId: t.organisation.id,
        role: 'coordinator',
      });
      expectStatus(appointed, 201);
      expectProblem(await end(as.coordinator, appointed.body.id), 403, 'FORBIDDEN');
      expectProblem(await patch(as.coordinator, appointed.body.id, { role: 'member' }), 403, 'FORBIDDEN');
      expect((await get(as.organiser, appointed.body.id)).body).toMatchObject({
        role: 'coordinator',
        active: true,
      });
    });
  });

  describe('as volunteer', () => {
    it('lists and reads only their own memberships', async () => {
      const own = await membershipIdOf(api.em(), t.people.volunteer.id, t.otherOrganisation.id);
      for (const query of ['', `personId=${t.people.member.id}`, 'pageSize=100']) {
        const response = await list(as.volunteer, query);
        expectStatus(response, 200);
        expect(ids(response)).toEqual([own]);
        expect(response.body.total).toBe(1);
      }
      expect((await list(as.volunteer, `organisationId=${t.organisation.id}`)).body.total).toBe(0);
      expectStatus(await get(as.volunteer, own), 200);
      const other = await membershipIdOf(api.em(), t.people.member.id, t.organisation.id);
      expectProblem(await get(as.volunteer, other), 404, 'NOT_FOUND');
    });

    it('cannot add, change or end memberships, even their own (403)', async () => {
      const own = await membershipIdOf(api.em(), t.people.volunteer.id, t.otherOrganisation.id);
      const before = await countRecords(api.em(), 'membership');
      const joined = await join(as.volunteer, {
        personId: t.people.volunteer.id,
        organisationId: t.organisation.id,
      });
      expectProblem(joined, 403, 'FORBIDDEN');
      expectProblem(await patch(as.volunteer, own, { role: 'coordinator' }), 403, 'FORBIDDEN');
      expectProblem(await end(as.volunteer, own), 403, 'FORBIDDEN');
      expect(await countRecords(api.em(), 'membership')).toBe(before);
      expect((await get(as.organiser, own)).body).toMatchObject({ role: 'member', active: true });
    });
  });

  describe('validation', () => {
    it.each([
      [{ personId: 'x', organisationId: 'y' }, ['body.organisationId', 'body.personId']],
      [{ organisationId: '7d6f2a51-0c0e-4b5e-9a1d-2f3c4b5a6d7e' }, ['body.personId']],
      [
        {
          personId: '7d6f2a51-0c0e-4b5e-9a1d-2f3c4b5a6d7e',
          organisationId: '7d6f2a51-0c0e-4b5e-9a1d-2f3c4b5a6d7e',
          role: 'boss',
        },
        ['body.role'],
      ],
      [
        {
          personId: '7d6f2a51-0c0e-4b5e-9a1d-2f3c4b5a6d7e',
          organisationId: '7d6f2a51-0c0e-4b5e-9a1d-2f3c4b5a6d7e',
          active: false,
        },
        ['body.active'],
      ],
    ])('rejects the body %j', async (body, fields) => {
      const response = await join(as.organiser, body);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(errorFields(response).sort()).toEqual(fields);
    });

    it('rejects moving a membership to another person or organisation (unknown fields)', async () => {
      const id = await membershipIdOf(api.em(), t.people.member.id, t.organisation.id);
      const response = await patch(as.organiser, id, { personId: t.people.volunteer.id, bogus: true });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(errorFields(response).sort()).toEqual(['body.bogus', 'body.personId']);
    });

    it('answers 422 for ids that name nothing', async () => {
      const response = await join(as.organiser, {
        personId: '7d6f2a51-0c0e-4b5e-9a1d-2f3c4b5a6d7e',
        organisationId: t.organisation.id,
      });
      expectProblem(response, 422, 'REFERENCE_INVALID');
      expect(errorFields(response)).toEqual(['body.personId']);
    });

    it.each([
      ['pageSize=101', 'query.pageSize'],
      ['sort=name', 'query.sort'],
      ['role=boss', 'query.role'],
      ['personId=nope', 'query.personId'],
      ['active=1', 'query.active'],
      ['bogus=1', 'query.bogus'],
    ])('rejects the query %s', async (query, field) => {
      const response = await list(as.organiser, query);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(errorFields(response)).toEqual([field]);
    });

    it('answers a bad uuid in the path with 400 param.id', async () => {
      for (const response of [
        await get(as.organiser, 'nope'),
        await patch(as.organiser, 'nope', { active: true }),
        await end(as.organiser, 'nope'),
      ]) {
        expectProblem(response, 400, 'VALIDATION_FAILED');
        expect(errorFields(response)).toEqual(['param.id']);
      }
    });
  });

  describe('accounts', () => {
    const account = (body: Record<string, unknown>) =>
      api.http.post('/api/v1/accounts').set('authorization', as.organiser).send(body);

    it('creates a volunteer account: 201 with the response shape and no password hash', async () => {
      const personId = await newPerson('有登录的志愿者');
      const response = await account({
        email: 'New.Volunteer@Test.Linli',
        password: TEST_PASSWORD,
        role: 'volunteer',
        personId,
      });
      expectStatus(response, 201);
      expect(Object.keys(response.body).sort()).toEqual(ACCOUNT_KEYS);
      expect(response.body).toEqual({
        id: expect.any(String),
        email: 'new.volunteer@test.linli',
        phone: null,
        role: 'volunteer',
        personId,
        organisationId: null,
        active: true,
        lastLoginAt: null,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+08:00$/),
        timeZone: 'Asia/Shanghai',
      });
    });

    it('answers 409 ALREADY_EXISTS for an email already in use, in any case', async () => {
      const before = await countRecords(api.em(), 'account');
      const response = await account({
        email: t.accounts.volunteer.email!.toUpperCase(),
        password: TEST_PASSWORD,
        role: 'volunteer',
        personId: t.people.member.id,
      });
      expectProblem(response, 409, 'ALREADY_EXISTS');
      expect(await countRecords(api.em(), 'account')).toBe(before);
    });

    it('gives a coordinator account only to an active coordinator of that organisation', async () => {
      const personId = await newPerson('未来协调员');
      const body = {
        email: 'future-coordinator@test.linli',
        password: TEST_PASSWORD,
        role: 'coordinator',
        personId,
        organisationId: t.otherOrganisation.id,
      };
      const refused = await account(body);
      expectProblem(refused, 422, 'REFERENCE_INVALID');
      expect(errorFields(refused)).toEqual(['body.organisationId']);
      const appointed = await join(as.organiser, {
        personId,
        organisationId: t.otherOrganisation.id,
        role: 'coordinator',
      });
      expectStatus(appointed, 201);
      const created = await account(body);
      expectStatus(created, 201);
      expect(created.body).toMatchObject({
        role: 'coordinator',
        personId,
        organisationId: t.otherOrganisation.id,
      });
    });

    it('lists the community’s accounts to organisers only, paged and sorted', async () => {
      const response = await api.http
        .get('/api/v1/accounts?pageSize=100&sort=role')
        .set('authorization', as.organiser);
      expectStatus(response, 200);
      expect(ids(response)).toEqual(expect.arrayContaining(Object.values(t.accounts).map((a) => a.id)));
      expect(response.body.total).toBe(response.body.items.length);
      const roles = response.body.items.map((a: { role: string }) => a.role);
      expect(roles).toEqual([...roles].sort());
      for (const item of response.body.items) {
        expect(Object.keys(item).sort()).toEqual(ACCOUNT_KEYS);
      }
      const searched = await api.http
        .get(`/api/v1/accounts?q=${encodeURIComponent(t.accounts.volunteer.email!.toUpperCase())}`)
        .set('authorization', as.organiser);
      expect(ids(searched)).toEqual([t.accounts.volunteer.id]);
      const paged = await api.http
        .get('/api/v1/accounts?pageSize=1&page=2')
        .set('authorization', as.organiser);
      expect(paged.body).toMatchObject({ page: 2, pageSize: 1, total: response.body.total });
      expect(paged.body.items).toHaveLength(1);
      for (const bearer of [as.coordinator, as.volunteer]) {
        expectProblem(await api.http.get('/api/v1/accounts').set('authorization', bearer), 403, 'FORBIDDEN');
        const created = await api.http.post('/api/v1/accounts').set('authorization', bearer).send({
          email: 'sneaky@test.linli',
          password: TEST_PASSWORD,
          role: 'organiser',
        });
        expectProblem(created, 403, 'FORBIDDEN');
      }
    });

    it.each([
      [{ password: TEST_PASSWORD, role: 'volunteer', personId: 'x' }, ['body.email', 'body.personId']],
      [{ email: 'a@test.linli', password: 'short', role: 'organiser' }, ['body.password']],
      [{ email: 'a@test.linli', password: TEST_PASSWORD, role: 'admin' }, ['body.role']],
      [{ email: 'a@test.linli', password: TEST_PASSWORD, role: 'organiser', bogus: 1 }, ['body.bogus']],
    ])('rejects the body %j', async (body, fields) => {
      const response = await account(body);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(errorFields(response).sort()).toEqual(fields);
    });
  });
});
