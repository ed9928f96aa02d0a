import { createTenant, Tenant, TEST_PASSWORD, countRecords } from '@linli/identity/testing';
import { startTestApi, TestApi } from '../support/test-api';
import { Bearers, ROLE_NAMES, RoleName, signInAll } from '../support/auth';
import { errorFields, expectProblem, expectStatus, ids } from './identity-e2e.helpers';

/**
 * Two communities on one database: nothing a user of A does with B's ids may read, change or
 * reference B's rows. Unknown-to-A ids answer 404 exactly like ids that exist nowhere.
 */
describe('identity: cross-community isolation', () => {
  let api: TestApi;
  let a: Tenant;
  let b: Tenant;
  let asA: Bearers;
  let asB: Bearers;
  let bMemberships: string[];
  let aMemberships: string[];
  let aAccounts: string[];
  let bIds: Set<string>;

  beforeAll(async () => {
    api = await startTestApi();
    a = await createTenant(api.em(), 'a');
    b = await createTenant(api.em(), 'b');
    asA = await signInAll(api, a);
    asB = await signInAll(api, b);
    aMemberships = Object.values(a.memberships).map((membership) => membership.id);
    bMemberships = Object.values(b.memberships).map((membership) => membership.id);
    aAccounts = Object.values(a.accounts).map((account) => account.id);
    bIds = new Set([
      b.estate.id,
      b.organisation.id,
      b.otherOrganisation.id,
      ...Object.values(b.people).map((person) => person.id),
      ...Object.values(b.accounts).map((account) => account.id),
      ...bMemberships,
    ]);
  });
  afterAll(() => api.close());

  type Resource = 'estates' | 'organisations' | 'people' | 'memberships';
  /** For each resource: B's id to aim at, a harmless PATCH body, and the roles each route admits. */
  const resources: {
    resource: Resource;
    id: () => string;
    patch: Record<string, unknown>;
    patchRoles: RoleName[];
    deleteRoles: RoleName[];
  }[] = [
    {
      resource: 'estates',
      id: () => b.estate.id,
      patch: { notes: 'hijacked' },
      patchRoles: ['organiser'],
      deleteRoles: ['organiser'],
    },
    {
      resource: 'organisations',
      id: () => b.organisation.id,
      patch: { contactName: 'hijacked' },
      patchRoles: ['organiser', 'coordinator'],
      deleteRoles: ['organiser'],
    },
    {
      resource: 'people',
      id: () => b.people.member.id,
      patch: { phone: '13900000000' },
      patchRoles: ['organiser', 'coordinator', 'volunteer'],
      deleteRoles: ['organiser'],
    },
    {
      resource: 'memberships',
      id: () => bMemberships[0],
      patch: { active: false },
      patchRoles: ['organiser', 'coordinator'],
      deleteRoles: ['organiser', 'coordinator'],
    },
  ];

  const itemCases = resources.flatMap((r) =>
    ROLE_NAMES.flatMap((role) => [
      { ...r, role, method: 'get' as const, expected: 404 },
      { ...r, role, method: 'patch' as const, expected: r.patchRoles.includes(role) ? 404 : 403 },
      { ...r, role, method: 'delete' as const, expected: r.deleteRoles.includes(role) ? 404 : 403 },
    ]),
  );

  it.each(itemCases)(
    "$role of A: $method /$resource/<B's id> answers $expected",
    async ({ resource, id, patch, role, method, expected }) => {
      const url = `/api/v1/${resource}/${id()}`;
      const request =
        method === 'patch'
          ? api.http.patch(url).send(patch)
          : method === 'delete'
            ? api.http.delete(url)
            : api.http.get(url);
      const response = await request.set('authorization', asA[role]);
      expectProblem(response, expected, expected === 404 ? 'NOT_FOUND' : 'FORBIDDEN');
      expect(response.body.detail).not.toContain(id());
    },
  );

  it("answers B's ids exactly like ids that exist nowhere", async () => {
    const nowhere = '7d6f2a51-0c0e-4b5e-9a1d-2f3c4b5a6d7e';
    for (const { resource, id } of resources) {
      const foreign = await api.http.get(`/api/v1/${resource}/${id()}`).set('authorization', asA.organiser);
      const missing = await api.http
        .get(`/api/v1/${resource}/${nowhere}`)
        .set('authorization', asA.organiser);
      expectProblem(foreign, 404, 'NOT_FOUND');
      expect({ ...foreign.body, instance: undefined, requestId: undefined }).toEqual({
        ...missing.body,
        instance: undefined,
        requestId: undefined,
      });
    }
  });

  it("leaves B's rows untouched after A's attempts, as B's organiser sees them", async () => {
    const estate = await api.http.get(`/api/v1/estates/${b.estate.id}`).set('authorization', asB.organiser);
    expect(estate.body).toMatchObject({ id: b.estate.id, notes: null, active: true });
    const organisation = await api.http
      .get(`/api/v1/organisations/${b.organisation.id}`)
      .set('authorization', asB.organiser);
    expect(organisation.body).toMatchObject({ contactName: null, active: true });
    const person = await api.http
      .get(`/api/v1/people/${b.people.member.id}`)
      .set('authorization', asB.organiser);
    expect(person.body).toMatchObject({ phone: null, active: true });
    const membership = await api.http
      .get(`/api/v1/memberships/${bMemberships[0]}`)
      .set('authorization', asB.organiser);
    expect(membership.body).toMatchObject({ active: true });
  });

  const listCases = ROLE_NAMES.flatMap((role) =>
    ['estates', 'organisations', 'people', 'memberships', ...(role === 'organiser' ? ['accounts'] : [])].map(
      (resource) => ({ role, resource }),
    ),
  );

  it.each(listCases)('$role of A: GET /$resource lists only A’s rows', async ({ role, resource }) => {
    const aIds = new Set([
      a.estate.id,
      a.organisation.id,
      a.otherOrganisation.id,
      ...Object.values(a.people).map((person) => person.id),
      ...aMemberships,
      ...aAccounts,
    ]);
    const response = await api.http
      .get(`/api/v1/${resource}?pageSize=100`)
      .set('authorization', asA[role as RoleName]);
    expectStatus(response, 200);
    expect(response.body.total).toBe(response.body.items.length);
    expect(response.body.items.length).toBeGreaterThan(0);
    for (const id of ids(response)) {
      expect(bIds.has(id)).toBe(false);
      expect(aIds.has(id)).toBe(true);
    }
  });

  it('lists the same totals for both communities, each seeing its own', async () => {
    for (const resource of ['estates', 'organisations', 'people', 'memberships', 'accounts']) {
      const fromA = await api.http.get(`/api/v1/${resource}`).set('authorization', asA.organiser);
      const fromB = await api.http.get(`/api/v1/${resource}`).set('authorization', asB.organiser);
      expect(fromA.body.total).toBe(fromB.body.total);
      expect(ids(fromA).filter((id) => ids(fromB).includes(id))).toEqual([]);
    }
  });

  it("finds nothing when A filters lists by B's ids or by names both communities use", async () => {
    const filtered = [
      `/api/v1/people?estateId=${b.estate.id}`,
      `/api/v1/people?organisationId=${b.organisation.id}`,
      `/api/v1/memberships?organisationId=${b.organisation.id}`,
      `/api/v1/memberships?personId=${b.people.member.id}`,
    ];
    for (const url of filtered) {
      const response = await api.http.get(url).set('authorization', asA.organiser);
      expectStatus(response, 200);
      expect({ url, total: response.body.total, items: response.body.items }).toEqual({
        url,
        total: 0,
        items: [],
      });
    }
    // Both tenants have a person named 组织者 and an organisation named after the same pattern.
    const people = await api.http.get('/api/v1/people?q=组织者').set('authorization', asA.organiser);
    expect(ids(people)).toEqual([a.people.organiser.id]);
    const estates = await api.http
      .get(`/api/v1/estates?q=${encodeURIComponent(b.estate.name)}`)
      .set('authorization', asA.organiser);
    expect(estates.body.total).toBe(0);
  });

  it('answers /me with the caller’s own community only', async () => {
    const me = await api.http.get('/api/v1/me').set('authorization', asA.coordinator);
    expect(me.body.community.id).toBe(a.community.id);
    expect(me.body.organisation.id).toBe(a.organisation.id);
  });

  describe("creating records that reference B's ids answers 422 REFERENCE_INVALID and writes nothing", () => {
    const cases: {
      name: string;
      role: RoleName;
      method: 'post' | 'patch';
      url: () => string;
      body: () => Record<string, unknown>;
      fields: string[];
      tables: ('person' | 'membership' | 'account')[];
    }[] = [
      {
        name: "organiser: person living in B's estate",
        role: 'organiser',
        method: 'post',
        url: () => '/api/v1/people',
        body: () => ({ name: '越界者', homeEstateId: b.estate.id }),
        fields: ['body.homeEstateId'],
        tables: ['person', 'membership'],
      },
      {
        name: "coordinator: person living in B's estate (no person, no membership)",
        role: 'coordinator',
        method: 'post',
        url: () => '/api/v1/people',
        body: () => ({ name: '越界者', homeEstateId: b.estate.id }),
        fields: ['body.homeEstateId'],
        tables: ['person', 'membership'],
      },
      {
        name: "organiser: membership of B's person in A's organisation",
        role: 'organiser',
        method: 'post',
        url: () => '/api/v1/memberships',
        body: () => ({ personId: b.people.volunteer.id, organisationId: a.organisation.id }),
        fields: ['body.personId'],
        tables: ['membership'],
      },
      {
        name: "organiser: membership of A's person in B's organisation",
        role: 'organiser',
        method: 'post',
        url: () => '/api/v1/memberships',
        body: () => ({ personId: a.people.volunteer.id, organisationId: b.organisation.id }),
        fields: ['body.organisationId'],
        tables: ['membership'],
      },
      {
        name: "organiser: membership of B's person in B's organisation",
        role: 'organiser',
        method: 'post',
        url: () => '/api/v1/memberships',
        body: () => ({
          personId: b.people.volunteer.id,
          organisationId: b.organisation.id,
          role: 'coordinator',
        }),
        fields: ['body.personId', 'body.organisationId'],
        tables: ['membership'],
      },
      {
        name: "organiser: volunteer account for B's person",
        role: 'organiser',
        method: 'post',
        url: () => '/api/v1/accounts',
        body: () => ({
          email: 'intruder-1@test.linli',
          password: TEST_PASSWORD,
          role: 'volunteer',
          personId: b.people.member.id,
        }),
        fields: [],
        tables: ['account'],
      },
      {
        name: "organiser: coordinator account for B's organisation",
        role: 'organiser',
        method: 'post',
        url: () => '/api/v1/accounts',
        body: () => ({
          email: 'intruder-2@test.linli',
          password: TEST_PASSWORD,
          role: 'coordinator',
          personId: a.people.coordinator.id,
          organisationId: b.organisation.id,
        }),
        fields: [],
        tables: ['account'],
      },
      {
        name: "organiser: moving A's person into B's estate",
        role: 'organiser',
        method: 'patch',
        url: () => `/api/v1/people/${a.people.member.id}`,
        body: () => ({ name: '改名了', homeEstateId: b.estate.id }),
        fields: ['body.homeEstateId'],
        tables: [],
      },
      {
        name: "volunteer: moving themselves into B's estate",
        role: 'volunteer',
        method: 'patch',
        url: () => `/api/v1/people/${a.people.volunteer.id}`,
        body: () => ({ skills: ['越界'], homeEstateId: b.estate.id }),
        fields: ['body.homeEstateId'],
        tables: [],
      },
    ];

    it.each(cases)('$name', async ({ role, method, url, body, fields, tables }) => {
      const before = await Promise.all(tables.map((table) => countRecords(api.em(), table)));
      const response = await api.http[method](url()).set('authorization', asA[role]).send(body());
      expectProblem(response, 422, 'REFERENCE_INVALID');
      if (fields.length) expect(errorFields(response)).toEqual(fields);
      expect(await Promise.all(tables.map((table) => countRecords(api.em(), table)))).toEqual(before);
    });

    it('leaves the person a refused PATCH aimed at, unchanged in every field', async () => {
      for (const person of [a.people.member, a.people.volunteer]) {
        const response = await api.http
          .get(`/api/v1/people/${person.id}`)
          .set('authorization', asA.organiser);
        expect(response.body.name).toBe(person.name);
        expect(response.body.skills).toEqual([]);
        expect(response.body.homeEstateId).toBe(person.homeEstate?.id ?? null);
      }
    });

    it('creates no login from a refused account', async () => {
      for (const login of ['intruder-1@test.linli', 'intruder-2@test.linli']) {
        const response = await api.http.post('/api/v1/auth/login').send({ login, password: TEST_PASSWORD });
        expect(response.status).toBe(401);
      }
    });
  });
});
