import { randomUUID } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { ALLOWED_ROLES, MailOutbox, PUBLIC_ROUTE, type Role } from '@linli/platform';
import { createTenant, makeAccount, makePerson, makeMembership, Tenant } from '@linli/identity/testing';
import { createClaim, createReservation, createSeries, createShift } from '@linli/volunteering/testing';
import { startTestApi, TestApi } from '../support/test-api';
import { bearerFor, signInAll, type Bearers } from '../support/auth';

/**
 * Done-when (b) of issue 10: every route the router knows (read from Nest's route metadata and
 * our @Public/@Roles, so a route added tomorrow is in the matrix) × anonymous / volunteer /
 * coordinator / organiser / organiser of another community / coordinator of another organisation:
 * - anonymous: 401 on every route that is not @Public;
 * - a role @Roles leaves out: 403; a role it lets in: neither 401 nor 403 (called with an id
 *   nobody has, so nothing changes);
 * - the organiser of another community, with this community's ids and a valid body: 404, never
 *   a 2xx; its lists never carry this community's ids;
 * - README: a coordinator reaches only their organisation's members, memberships, reservations,
 *   claims and hours (another organisation's coordinator: 403 or 404), a volunteer only themselves.
 * A path parameter the matrix cannot fill, or a body it does not know, fails with a message
 * naming the route: add it to FILL / BODY below.
 */

interface Route {
  method: string;
  /** Express form, e.g. /api/v1/shifts/:id */
  path: string;
  isPublic: boolean;
  roles?: Role[];
}

/** Every route of the running application, from the controllers' metadata. */
function routesOf(api: TestApi): Route[] {
  const reflector = new Reflector();
  const routes: Route[] = [];
  for (const module of api.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller) continue;
      const base = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[]].flat()[0] ?? '';
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const sub = [Reflect.getMetadata(PATH_METADATA, handler) as string | string[]].flat()[0] ?? '';
        const joined = `/${[base, sub].filter((part) => part && part !== '/').join('/')}`.replace(
          /\/+/g,
          '/',
        );
        const excluded = /^\/(health|cal)(\/|$)/.test(joined);
        const targets = [handler, controller];
        routes.push({
          method: RequestMethod[method].toLowerCase(),
          path: excluded ? joined : `/api${joined}`,
          isPublic: reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false,
          roles: reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets),
        });
      }
    }
  }
  return routes;
}

interface Fixtures {
  tenant: Tenant;
  other: Tenant;
  shiftId: string;
  claimId: string;
  reservationId: string;
  seriesId: string;
  subscriptionId: string;
  feedToken: string;
  outboxId: string;
  volunteerAccountId: string;
  commitmentId: string;
}

/**
 * How to fill a path parameter with a record of the community under test, by the path segment
 * before it. `record: false`: the parameter is not a record of the community (another
 * community's organiser addresses their own, not ours).
 */
const FILL: Record<string, { id: (f: Fixtures) => string; record: boolean; coordinatorScoped?: boolean }> = {
  'accounts/:id': { id: (f) => f.volunteerAccountId, record: true },
  'estates/:id': { id: (f) => f.tenant.estate.id, record: true },
  'organisations/:id': { id: (f) => f.tenant.organisation.id, record: true, coordinatorScoped: true },
  'people/:id': { id: (f) => f.tenant.people.member.id, record: true, coordinatorScoped: true },
  'memberships/:id': { id: (f) => f.tenant.memberships.member.id, record: true, coordinatorScoped: true },
  'shifts/:id': { id: (f) => f.shiftId, record: true },
  'claims/:id': { id: (f) => f.claimId, record: true, coordinatorScoped: true },
  'reservations/:id': { id: (f) => f.reservationId, record: true, coordinatorScoped: true },
  'shift-series/:id': { id: (f) => f.seriesId, record: true },
  'commitments/:id': { id: (f) => f.commitmentId, record: true, coordinatorScoped: true },
  'calendar-subscriptions/:id': { id: (f) => f.subscriptionId, record: true },
  'outbox/:id': { id: (f) => f.outboxId, record: true },
  'mailbox/:id': { id: (f) => f.outboxId, record: true },
  'holidays/:date': { id: () => '2027-01-01', record: false },
  'public/:communitySlug': { id: (f) => f.tenant.community.slug, record: false },
  'communities/:slug': { id: (f) => f.tenant.community.slug, record: false },
  ':communitySlug/estates/:estateId': { id: (f) => f.tenant.estate.id, record: false },
  'cal/:token.ics': { id: (f) => f.feedToken, record: false },
};

/** The caller's own organisation and a person of it, for bodies that name one. */
interface Own {
  organisationId: string;
  personId: string;
}

/** A valid body for a route that takes one, so another community's caller reaches the 404. */
const BODY: Record<string, (f: Fixtures, own: Own) => unknown> = {
  'patch /api/v1/accounts/:id': () => ({ active: true }),
  'patch /api/v1/estates/:id': () => ({ name: '矩阵小区' }),
  'patch /api/v1/organisations/:id': () => ({ name: '矩阵组织' }),
  'patch /api/v1/people/:id': () => ({ name: '矩阵' }),
  'patch /api/v1/memberships/:id': () => ({ role: 'member' }),
  'patch /api/v1/shifts/:id': () => ({ title: '矩阵' }),
  'post /api/v1/shifts/:id/cancel': () => ({ reason: '矩阵' }),
  'post /api/v1/shifts/:id/claims': () => ({}),
  'post /api/v1/shifts/:id/reservations': (_, own) => ({ organisationId: own.organisationId, places: 1 }),
  'post /api/v1/reservations/:id/assignments': (_, own) => ({ personId: own.personId }),
  'post /api/v1/reservations/:id/shrink': () => ({ places: 1 }),
  'post /api/v1/shifts/:id/check-in': (f) => ({ claimId: f.claimId }),
  'post /api/v1/shifts/:id/check-out': (f) => ({ claimId: f.claimId }),
  'post /api/v1/claims/:id/attendance': () => ({ outcome: 'attended' }),
  'post /api/v1/people/:id/hours-adjustments': () => ({
    minutes: 30,
    reason: '矩阵',
    occurredAt: '2026-11-01T09:00:00+08:00',
  }),
  'patch /api/v1/shift-series/:id': () => ({ scope: 'all', changes: { title: '矩阵' } }),
  'post /api/v1/shift-series/:id/commitments': () => ({}),
};
const TAKES_NO_BODY = /^(get|delete|head)$/;
/** POST routes that read no body: called without one. */
const BODYLESS_POSTS = new Set([
  'post /api/v1/claims/:id/cancel',
  'post /api/v1/shift-series/:id/materialise',
  'post /api/v1/calendar-subscriptions/:id/rotate',
  'post /api/v1/outbox/:id/retry',
  'post /api/v1/commitments/:id/end',
  'post /api/v1/reservations/:id/cancel',
]);

const paramsOf = (path: string) => [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);

function fillerFor(route: Route, param: string) {
  const at = route.path.indexOf(`:${param}`);
  const before = route.path.slice(0, at).split('/').filter(Boolean);
  const candidates = [
    `${before.at(-1)}/:${param}`,
    `${before.at(-2)}/${before.at(-1)}/:${param}`,
    `${before.at(-1)}/:${param}${route.path.slice(at + param.length + 1)}`,
  ];
  const key =
    candidates.find((candidate) => FILL[candidate]) ?? Object.keys(FILL).find((k) => route.path.endsWith(k));
  if (!key)
    throw new Error(
      `${route.method.toUpperCase()} ${route.path}: the authorization matrix does not know how to fill :${param}; add it to FILL`,
    );
  return FILL[key];
}

function urlOf(route: Route, value: (param: string) => string): string {
  return route.path.replace(/:([A-Za-z]+)/g, (_, param: string) => encodeURIComponent(value(param)));
}

describe('authorization matrix: every route × every kind of caller', () => {
  let api: TestApi;
  let f: Fixtures;
  let as: Bearers & { otherOrganiser: string; otherCoordinator: string };
  let routes: Route[];

  beforeAll(async () => {
    api = await startTestApi({ config: { LOGIN_LIMIT_PER_ADDRESS: '1000' } });
    const em = api.em();
    const tenant = await createTenant(em);
    const other = await createTenant(em);
    // A coordinator of the community's other organisation (the volunteer's).
    const otherCoordinatorPerson = makePerson(em, tenant.community, { name: '另一协调员' });
    makeMembership(em, otherCoordinatorPerson, tenant.otherOrganisation, 'coordinator');
    const otherCoordinator = await makeAccount(em, tenant.community, 'coordinator', {
      person: otherCoordinatorPerson,
      organisation: tenant.otherOrganisation,
    });
    await em.flush();
    const shift = await createShift(api.em(), tenant.community.id);
    const claim = await createClaim(api.em(), shift, tenant.people.member.id);
    const reservation = await createReservation(api.em(), shift, tenant.organisation.id);
    const series = await createSeries(api.em(), tenant.community.id);
    const outbox = api.em();
    const mail = outbox.create(MailOutbox, {
      communityId: tenant.community.id,
      kind: 'notice',
      recipientEmail: 'member@example.cn',
      language: 'zh',
      subject: '矩阵',
      textBody: '矩阵',
      dedupeKey: `matrix-${randomUUID()}`,
      availableAt: new Date(),
    } as never);
    await outbox.flush();
    const bearers = await signInAll(api, tenant);
    const subscription = await api.http
      .post('/api/v1/calendar-subscriptions')
      .set('authorization', bearers.organiser)
      .send({ scope: { kind: 'community' } });
    expect(subscription.status).toBe(201);
    const commitment = await api.http
      .post(`/api/v1/shift-series/${series.id}/commitments`)
      .set('authorization', bearers.organiser)
      .send({ personId: tenant.people.member.id });
    if (commitment.status !== 201) throw new Error(`commitment: ${commitment.status} ${commitment.text}`);
    f = {
      tenant,
      other,
      shiftId: shift.id,
      claimId: claim.id,
      reservationId: reservation.id,
      seriesId: series.id,
      subscriptionId: subscription.body.id,
      feedToken: /\/cal\/([A-Za-z0-9_-]+)\.ics$/.exec(subscription.body.url)![1],
      outboxId: (mail as MailOutbox).id,
      volunteerAccountId: tenant.accounts.volunteer.id,
      commitmentId: commitment.body.id,
    };
    as = {
      ...bearers,
      otherOrganiser: await bearerFor(api, other.accounts.organiser.email),
      otherCoordinator: await bearerFor(api, otherCoordinator.email),
    };
    routes = routesOf(api);
  });
  afterAll(() => api.close());

  const own = (route: Route) => urlOf(route, (param) => fillerFor(route, param).id(f));
  const nobody = (route: Route) =>
    urlOf(route, (param) => (fillerFor(route, param).record ? randomUUID() : fillerFor(route, param).id(f)));
  const key = (route: Route) => `${route.method} ${route.path}`;

  function bodyFor(route: Route, caller: 'otherOrganiser' | 'otherCoordinator' | 'volunteer'): unknown {
    if (TAKES_NO_BODY.test(route.method) || BODYLESS_POSTS.has(key(route))) return undefined;
    const body = BODY[key(route)];
    if (!body)
      throw new Error(
        `${route.method.toUpperCase()} ${route.path}: the authorization matrix knows no valid body; add it to BODY (or BODYLESS_POSTS)`,
      );
    const own: Own =
      caller === 'otherOrganiser'
        ? { organisationId: f.other.organisation.id, personId: f.other.people.member.id }
        : { organisationId: f.tenant.otherOrganisation.id, personId: f.tenant.people.volunteer.id };
    return body(f, own);
  }

  async function call(route: Route, url: string, bearer?: string, body?: unknown) {
    const request = api.http[route.method as 'get'](url);
    if (bearer) request.set('authorization', bearer);
    if (body !== undefined) request.send(body as object);
    return request;
  }

  it('knows the routes (from the router, not a list kept by hand)', () => {
    expect(routes.length).toBeGreaterThan(60);
    expect(routes).toContainEqual(
      expect.objectContaining({ method: 'get', path: '/cal/:token.ics', isPublic: true }),
    );
  });

  it('answers 401 to anonymous callers on every route that is not public', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !r.isPublic)) {
      const response = await call(route, own(route));
      if (response.status !== 401) wrong.push(`${key(route)} → ${response.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers 403 to a role the route leaves out, and lets in the roles it names', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !r.isPublic)) {
      for (const role of ['volunteer', 'coordinator', 'organiser'] as const) {
        // An id nobody has and a body that is not valid: a caller let in stops at 400 or 404.
        const body = TAKES_NO_BODY.test(route.method) ? undefined : { matrixProbe: true };
        const response = await call(route, nobody(route), as[role], body);
        const allowed = !route.roles || route.roles.includes(role);
        if (!allowed && response.status !== 403)
          wrong.push(`${role} ${key(route)} → ${response.status}, not 403`);
        if (allowed && [401, 403].includes(response.status))
          wrong.push(`${role} ${key(route)} → ${response.status}, but @Roles lets ${role} in`);
        if (response.status >= 500) wrong.push(`${role} ${key(route)} → ${response.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers 404, never data, to another community’s organiser with this community’s ids', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const route of routes.filter((r) => !r.isPublic && paramsOf(r.path).length > 0)) {
      if (!paramsOf(route.path).some((param) => fillerFor(route, param).record)) continue;
      const response = await call(route, own(route), as.otherOrganiser, bodyFor(route, 'otherOrganiser'));
      checked++;
      if (response.status !== 404)
        wrong.push(`${key(route)} → ${response.status} ${response.body?.code ?? ''}`);
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(40);
  });

  it('never lists this community’s records to another community’s organiser', async () => {
    const ids = [
      f.tenant.estate.id,
      f.tenant.organisation.id,
      f.tenant.people.member.id,
      f.tenant.memberships.member.id,
      f.shiftId,
      f.claimId,
      f.reservationId,
      f.seriesId,
      f.subscriptionId,
      f.outboxId,
    ];
    const wrong: string[] = [];
    for (const route of routes.filter(
      (r) => r.method === 'get' && !r.isPublic && paramsOf(r.path).length === 0,
    )) {
      const response = await call(route, route.path, as.otherOrganiser);
      const text = response.text ?? '';
      const leaked = ids.filter((id) => text.includes(id));
      if (leaked.length) wrong.push(`${key(route)} shows ${leaked.join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps a coordinator to their own organisation, and a volunteer to themselves (README)', async () => {
    const wrong: string[] = [];
    const checked: string[] = [];
    const scoped = routes.filter(
      (r) =>
        !r.isPublic &&
        paramsOf(r.path).some((param) => fillerFor(r, param).coordinatorScoped) &&
        !['organisations/:id'].some((k) => r.path.endsWith(k) && r.method === 'get'),
    );
    for (const route of scoped) {
      for (const who of ['otherCoordinator', 'volunteer'] as const) {
        const allowed =
          !route.roles || route.roles.includes(who === 'volunteer' ? 'volunteer' : 'coordinator');
        if (!allowed) continue; // the role check above holds it
        const response = await call(route, own(route), as[who], bodyFor(route, who));
        checked.push(`${who} ${key(route)} → ${response.status}`);
        if (![403, 404].includes(response.status))
          wrong.push(`${who} ${key(route)} → ${response.status} ${response.body?.code ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked.length).toBeGreaterThanOrEqual(15);
  });
});
