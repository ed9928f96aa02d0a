import type { Person } from '@linli/identity';
import { createTenant, makeMembership, Tenant } from '@linli/identity/testing';
import { createPerson, createShift, makeShift } from '@linli/volunteering/testing';
import { FixedClock, SqlDatabase } from '@linli/platform';
import { startTestApi, TestApi } from '../../support/test-api';
import { bearerFor } from '../../support/auth';
import { placeOnShift, signedInVolunteer } from './volunteering-e2e.helpers';

// Tuesday 2026-12-01 08:00 in Shanghai: inside ISO week 2026-W49 (Mon 11-30 to Sun 12-06).
const NOW = new Date('2026-12-01T00:00:00Z');
const HOUR = 3600_000;
const at = (shanghai: string) => new Date(`${shanghai}+08:00`);

describe('rota: the weekly board in one query', () => {
  let api: TestApi;
  const clock = new FixedClock(NOW);

  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(() => api.close());

  async function community() {
    const tenant = await createTenant(api.em());
    return { tenant, organiser: await bearerFor(api, tenant.accounts.organiser.email) };
  }

  async function shift(tenant: Tenant, startsAt: Date, overrides: Parameters<typeof makeShift>[2] = {}) {
    const em = api.em();
    const created = makeShift(em, tenant.community.id, {
      now: startsAt,
      startsInHours: 0,
      ...overrides,
    });
    await em.flush();
    return created;
  }

  const person = (tenant: Tenant) => createPerson(api.em(), tenant.community);

  /** The organiser puts someone on a shift (confirmed while places are free, then waitlisted). */
  const place = (organiser: string, shiftId: string, personId: string) =>
    placeOnShift(api, organiser, shiftId, personId);

  it('shows every day of the week with each shift’s confirmed, waitlist, organisation and unfilled counts', async () => {
    const { tenant, organiser } = await community();
    const market = await shift(tenant, at('2026-12-02T09:00:00'), { capacity: 3, estate: tenant.estate });
    const small = await shift(tenant, at('2026-12-03T14:00:00'), { capacity: 1, title: '城南市集 · 修鞋' });
    const rained = await shift(tenant, at('2026-12-04T09:00:00'), { status: 'cancelled' as const });
    // 00:30 on Monday in Shanghai is still Sunday in UTC: it belongs to Monday on the board.
    const early = await shift(tenant, at('2026-11-30T00:30:00'));
    await shift(tenant, at('2026-12-07T09:00:00'));

    await place(organiser, market.id, tenant.people.volunteer.id);
    const reservation = await api.http
      .post(`/api/v1/shifts/${market.id}/reservations`)
      .set('authorization', organiser)
      .send({ organisationId: tenant.organisation.id, places: 2 });
    expect(reservation.status).toBe(201);
    const assigned = await api.http
      .post(`/api/v1/reservations/${reservation.body.id}/assignments`)
      .set('authorization', organiser)
      .send({ personId: tenant.people.member.id });
    expect(assigned.status).toBe(201);
    await place(organiser, small.id, tenant.people.volunteer.id);
    expect((await place(organiser, small.id, (await person(tenant)).id)).status).toBe('waitlisted');

    const board = await api.http.get('/api/v1/rota?week=2026-W49').set('authorization', organiser);
    expect(board.status).toBe(200);
    expect(board.body).toMatchObject({
      from: '2026-11-30',
      to: '2026-12-06',
      week: '2026-W49',
      timeZone: 'Asia/Shanghai',
      truncated: false,
    });
    expect(board.body.days.map((d: { date: string }) => d.date)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    const day = (date: string) => board.body.days.find((d: { date: string }) => d.date === date);
    expect(day('2026-11-30').shifts.map((s: { id: string }) => s.id)).toEqual([early.id]);
    expect(day('2026-12-02').shifts[0]).toMatchObject({
      id: market.id,
      estate: { id: tenant.estate.id },
      capacity: 3,
      confirmed: 2,
      waitlisted: 0,
      held: 1,
      assignedViaReservations: 1,
      reservedByOrganisations: 2,
      unfilled: 0,
      organisations: [{ organisationId: tenant.organisation.id, held: 1, assigned: 1 }],
    });
    expect(day('2026-12-03').shifts[0]).toMatchObject({
      id: small.id,
      confirmed: 1,
      waitlisted: 1,
      unfilled: 0,
      reservedByOrganisations: 0,
      organisations: [],
    });
    expect(day('2026-12-04').shifts[0]).toMatchObject({ id: rained.id, status: 'cancelled', unfilled: 0 });
    expect(day('2026-12-05')).toMatchObject({ weekday: 6, shifts: [], totals: { shifts: 0 } });
    expect(board.body.totals).toMatchObject({ shifts: 3, capacity: 3 + 1 + 5, confirmed: 3, waitlisted: 1 });
    expect(board.body.totals.unfilled).toBe(5);
  });

  it('filters by estate, by exact place, by organisation and by status', async () => {
    const { tenant, organiser } = await community();
    const atEstate = await shift(tenant, at('2026-12-02T09:00:00'), { estate: tenant.estate });
    const atOffice = await shift(tenant, at('2026-12-02T14:00:00'), { locationText: '社区服务中心二楼' });
    const reserved = await shift(tenant, at('2026-12-03T09:00:00'), { locationText: '社区服务中心二楼' });
    await api.http
      .post(`/api/v1/shifts/${reserved.id}/reservations`)
      .set('authorization', organiser)
      .send({ organisationId: tenant.otherOrganisation.id, places: 1 });
    const ids = async (query: string) => {
      const response = await api.http.get(`/api/v1/rota?${query}`).set('authorization', organiser);
      expect(response.status).toBe(200);
      return response.body.days.flatMap((d: { shifts: { id: string }[] }) => d.shifts.map((s) => s.id));
    };
    expect(await ids(`week=2026-W49&estateId=${tenant.estate.id}`)).toEqual([atEstate.id]);
    expect(await ids(`week=2026-W49&locationText=${encodeURIComponent('社区服务中心二楼')}`)).toEqual([
      atOffice.id,
      reserved.id,
    ]);
    expect(await ids(`week=2026-W49&organisationId=${tenant.otherOrganisation.id}`)).toEqual([reserved.id]);
    expect(await ids(`from=2026-12-03&to=2026-12-03`)).toEqual([reserved.id]);
    expect(await ids(`week=2026-W49&status=cancelled`)).toEqual([]);
  });

  it('lets volunteers read the board too, and refuses unclear ranges with coded answers', async () => {
    const { tenant } = await community();
    const volunteer = await bearerFor(api, tenant.accounts.volunteer.email);
    expect((await api.http.get('/api/v1/rota?week=2026-W49').set('authorization', volunteer)).status).toBe(
      200,
    );
    for (const query of [
      'week=2026-W49&from=2026-12-01',
      'week=2026-W54',
      'from=2026-12-01&to=2027-01-15',
      'from=2026-02-30&to=2026-03-01',
    ]) {
      const response = await api.http.get(`/api/v1/rota?${query}`).set('authorization', volunteer);
      expect([query, response.status, response.body.code]).toEqual([query, 400, 'VALIDATION_FAILED']);
    }
  });

  it('answers with the same single query for 2 shifts or 60 (no query per shift)', async () => {
    const { tenant, organiser } = await community();
    // Every statement, whichever way it goes: the ORM's connection or the platform's SQL pool.
    const knex = api.em().getConnection().getKnex();
    const db = api.app.get(SqlDatabase);
    const queries: string[] = [];
    const listener = (query: { sql: string }) => queries.push(query.sql);
    const countQueries = async () => {
      queries.length = 0;
      knex.on('query', listener);
      const spy = jest.spyOn(db, 'query');
      try {
        const response = await api.http.get('/api/v1/rota?week=2026-W49').set('authorization', organiser);
        expect(response.status).toBe(200);
        return { count: queries.length + spy.mock.calls.length, shifts: response.body.totals.shifts };
      } finally {
        knex.removeListener('query', listener);
        spy.mockRestore();
      }
    };
    await shift(tenant, at('2026-12-02T09:00:00'));
    await shift(tenant, at('2026-12-03T09:00:00'));
    // The auth guard reads the account's session once and caches it briefly: not the rota's query.
    await api.http.get('/api/v1/me').set('authorization', organiser).expect(200);
    const few = await countQueries();
    for (let i = 0; i < 58; i++) {
      const s = await shift(tenant, new Date(at('2026-12-01T10:00:00').getTime() + i * 2 * HOUR));
      if (i % 10 === 0) {
        await place(organiser, s.id, (await person(tenant)).id);
        await api.http
          .post(`/api/v1/shifts/${s.id}/reservations`)
          .set('authorization', organiser)
          .send({ organisationId: tenant.organisation.id, places: 1 });
      }
    }
    const many = await countQueries();
    expect([few.shifts, many.shifts]).toEqual([2, 60]);
    expect(many.count).toBe(few.count);
    expect(many.count).toBe(1);
  });
});

describe('open shifts a volunteer may claim', () => {
  let api: TestApi;
  let tenant: Tenant;
  let organiser: string;
  const clock = new FixedClock(NOW);

  beforeAll(async () => {
    api = await startTestApi({ clock });
    tenant = await createTenant(api.em());
    organiser = await bearerFor(api, tenant.accounts.organiser.email);
  });
  afterAll(() => api.close());

  const shift = (overrides: Parameters<typeof makeShift>[2] = {}) =>
    createShift(api.em(), tenant.community.id, { now: NOW, ...overrides });

  const volunteer = (fields: Partial<Person> = {}) =>
    signedInVolunteer(api, tenant.community, { birthYear: 1990, ...fields });

  const claim = (token: string, shiftId: string, personId?: string) =>
    api.http
      .post(`/api/v1/shifts/${shiftId}/claims`)
      .set('authorization', token)
      .send(personId ? { personId } : {});

  it('lists exactly the shifts the claim rules would accept, with the outcome a claim would get', async () => {
    const v = await volunteer({ qualifications: ['健康证'] });
    const em = api.em();
    makeMembership(em, v.person, tenant.otherOrganisation);
    await em.flush();
    const other = await volunteer();

    const plain = await shift({ startsInHours: 48 });
    const healthCert = await shift({ startsInHours: 50, requiredQualifications: ['健康证'] });
    const forEnterprises = await shift({ startsInHours: 52, reservedForKinds: ['social_enterprise'] });
    const fullButWaitlist = await shift({ startsInHours: 54, capacity: 1 });
    expect((await claim(other.token, fullButWaitlist.id)).body.status).toBe('confirmed');
    // Refused, each for one rule:
    await shift({ startsInHours: 56, requiredQualifications: ['电工证'] });
    await shift({ startsInHours: 58, minAge: 70 });
    await shift({ startsInHours: 60, reservedForKinds: ['stationed_unit'] });
    await shift({ startsInHours: 24 * 40 });
    await shift({ startsInHours: 62, status: 'cancelled' as const });
    await shift({ startsInHours: -1 });
    const fullInsideCutoff = await shift({ startsInHours: 2, capacity: 1 });
    expect((await claim(other.token, fullInsideCutoff.id)).body.status).toBe('confirmed');
    const mine = await shift({ startsInHours: 72, hours: 3 });
    expect((await claim(v.token, mine.id)).body.status).toBe('confirmed');
    await shift({ startsInHours: 73 });

    const open = await api.http
      .get(`/api/v1/shifts/open?to=${new Date(NOW.getTime() + 61 * 24 * HOUR).toISOString()}`)
      .set('authorization', v.token);
    expect(open.status).toBe(200);
    expect(open.body.personId).toBe(v.person.id);
    const outcomes = Object.fromEntries(
      open.body.items.map((item: { id: string; outcome: string }) => [item.id, item.outcome]),
    );
    expect(outcomes).toEqual({
      [plain.id]: 'confirmed',
      [healthCert.id]: 'confirmed',
      [forEnterprises.id]: 'confirmed',
      [fullButWaitlist.id]: 'waitlisted',
    });

    // The list agrees with the claim endpoint.
    expect((await claim(v.token, fullButWaitlist.id)).body.status).toBe('waitlisted');
  });

  it('lets organisers ask for anyone, coordinators for their members, volunteers only for themselves', async () => {
    await shift({ startsInHours: 30 });
    const coordinator = await bearerFor(api, tenant.accounts.coordinator.email);
    const volunteerToken = await bearerFor(api, tenant.accounts.volunteer.email);
    const ask = (token: string, personId: string) =>
      api.http.get(`/api/v1/shifts/open?personId=${personId}`).set('authorization', token);
    expect((await ask(organiser, tenant.people.volunteer.id)).status).toBe(200);
    expect((await ask(coordinator, tenant.people.member.id)).status).toBe(200);
    expect((await ask(coordinator, tenant.people.volunteer.id)).body.code).toBe('FORBIDDEN');
    expect((await ask(volunteerToken, tenant.people.member.id)).body.code).toBe('FORBIDDEN');
    const self = await api.http.get('/api/v1/shifts/open').set('authorization', volunteerToken);
    expect([self.status, self.body.personId]).toEqual([200, tenant.people.volunteer.id]);
    const nobody = await ask(organiser, '00000000-0000-4000-8000-000000000000');
    expect([nobody.status, nobody.body.code]).toEqual([404, 'NOT_FOUND']);
  });
});
