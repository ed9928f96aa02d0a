import { TokenService, FixedClock } from '@linli/platform';
import { createTenant, makeAccount, makeOrganisation, makePerson, Tenant } from '@linli/identity/testing';
import { makeShift } from '@linli/volunteering/testing';
import { startTestApi, TestApi } from '../support/test-api';

/**
 * Races on a real multi-connection PostgreSQL, through the HTTP API: many requests at once, each
 * in its own transaction on its own pooled connection. The database must hold the invariants.
 */
const NOW = new Date('2026-12-01T00:00:00Z');

describe('claims under a rush', () => {
  let api: TestApi;
  let tenant: Tenant;
  let tokens: TokenService;

  beforeAll(async () => {
    api = await startTestApi({ clock: new FixedClock(NOW), config: { DB_POOL_MAX: '40' } });
    tenant = await createTenant(api.em());
    tokens = api.app.get(TokenService);
  });
  afterAll(() => api.close());

  /** Volunteers with tokens issued directly (logging 300 people in would only test argon2). */
  async function volunteers(count: number) {
    const em = api.em();
    const people = Array.from({ length: count }, (_, i) =>
      makePerson(em, tenant.community, { name: `抢单志愿者 ${i}` }),
    );
    // Real accounts: every request's token is checked against its account (revocation at once).
    const accounts = await Promise.all(
      people.map((person) => makeAccount(em, tenant.community, 'volunteer', { person })),
    );
    await em.flush();
    return people.map((person, i) => ({
      person,
      bearer: `Bearer ${tokens.issue({ accountId: accounts[i].id, communityId: tenant.community.id, role: 'volunteer', personId: person.id })}`,
    }));
  }

  async function counts(shiftId: string) {
    const [row] = await api
      .em()
      .getConnection()
      .execute(
        `SELECT s.capacity, s.confirmed_count, s.held_count,
                (SELECT count(*)::int FROM claim c WHERE c.shift_id = s.id AND c.status = 'confirmed') AS confirmed,
                (SELECT count(*)::int FROM claim c WHERE c.shift_id = s.id AND c.status = 'waitlisted') AS waitlisted,
                (SELECT coalesce(sum(r.places - r.assigned_count), 0)::int FROM organisation_reservation r WHERE r.shift_id = s.id AND r.status = 'active') AS held
           FROM shift s WHERE s.id = ?`,
        [shiftId],
      );
    return row;
  }

  it('300 simultaneous claims for 50 places: exactly 50 confirmed, the rest waitlisted, no 5xx', async () => {
    const em = api.em();
    const shift = makeShift(em, tenant.community.id, { now: NOW, capacity: 50, startsInHours: 72 });
    await em.flush();
    const crowd = await volunteers(300);
    const responses = await Promise.all(
      crowd.map((v) =>
        api.http.post(`/api/v1/shifts/${shift.id}/claims`).set('authorization', v.bearer).send({}),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(responses.filter((r) => r.body.status === 'confirmed')).toHaveLength(50);
    expect(responses.filter((r) => r.body.status === 'waitlisted')).toHaveLength(250);
    expect(await counts(shift.id)).toMatchObject({
      capacity: 50,
      confirmed_count: 50,
      confirmed: 50,
      waitlisted: 250,
    });
  });

  it('one person claiming ten overlapping shifts at once ends with one', async () => {
    const em = api.em();
    const shifts = Array.from({ length: 10 }, (_, i) =>
      makeShift(em, tenant.community.id, { now: NOW, startsInHours: 200 + i * 0.1, hours: 2 }),
    );
    await em.flush();
    const [runner] = await volunteers(1);
    const responses = await Promise.all(
      shifts.map((s) =>
        api.http.post(`/api/v1/shifts/${s.id}/claims`).set('authorization', runner.bearer).send({}),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(
      new Set(responses.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.body.code}`)),
    ).toEqual(new Set(['409 CLAIM_OVERLAPS']));
    const [{ n }] = await api
      .em()
      .getConnection()
      .execute(`SELECT count(*)::int AS n FROM claim WHERE person_id = ? AND status = 'confirmed'`, [
        runner.person.id,
      ]);
    expect(n).toBe(1);
  });

  it('the same person sending the same claim 20 times at once gets one claim', async () => {
    const em = api.em();
    const shift = makeShift(em, tenant.community.id, { now: NOW, startsInHours: 300 });
    await em.flush();
    const [eager] = await volunteers(1);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.http.post(`/api/v1/shifts/${shift.id}/claims`).set('authorization', eager.bearer).send({}),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status >= 500)).toEqual([]);
    expect((await counts(shift.id)).confirmed).toBe(1);
  });

  it('organisation reservations racing with individual claims never exceed capacity', async () => {
    const em = api.em();
    const shift = makeShift(em, tenant.community.id, { now: NOW, capacity: 30, startsInHours: 400 });
    const organisations = Array.from({ length: 8 }, () => makeOrganisation(em, tenant.community));
    await em.flush();
    const organiser = `Bearer ${tokens.issue({ accountId: tenant.accounts.organiser.id, communityId: tenant.community.id, role: 'organiser', personId: tenant.people.organiser.id })}`;
    const crowd = await volunteers(25);
    const requests = [
      ...organisations.map((o) =>
        api.http
          .post(`/api/v1/shifts/${shift.id}/reservations`)
          .set('authorization', organiser)
          .send({ organisationId: o.id, places: 5 }),
      ),
      ...crowd.map((v) =>
        api.http.post(`/api/v1/shifts/${shift.id}/claims`).set('authorization', v.bearer).send({}),
      ),
    ].sort(() => Math.random() - 0.5);
    const responses = await Promise.all(requests);
    expect(responses.filter((r) => r.status >= 500)).toEqual([]);
    for (const refused of responses.filter((r) => r.status >= 400))
      expect(refused.body.code).toBe('NOT_ENOUGH_PLACES');
    const after = await counts(shift.id);
    expect(after.confirmed_count).toBe(after.confirmed);
    expect(after.held_count).toBe(after.held);
    expect(after.confirmed + after.held).toBeLessThanOrEqual(30);
    // Everyone not confirmed waits, and the places are all taken one way or another.
    expect(after.confirmed + after.waitlisted).toBe(25);
    expect(after.confirmed + after.held).toBe(30);
  });

  it('the database itself refuses overbooking, double and overlapping claims, whatever the code does', async () => {
    const em = api.em();
    const shift = makeShift(em, tenant.community.id, { now: NOW, capacity: 1, startsInHours: 500 });
    const other = makeShift(em, tenant.community.id, { now: NOW, capacity: 5, startsInHours: 500.5 });
    await em.flush();
    const sql = (query: string, params: unknown[] = []) => api.em().getConnection().execute(query, params);
    await expect(sql(`UPDATE shift SET confirmed_count = 2 WHERE id = ?`, [shift.id])).rejects.toThrow(
      /shift_counts_within_capacity/,
    );
    const person = tenant.people.volunteer.id;
    const insert = (shiftId: string, status: string, startsAt: Date, endsAt: Date) =>
      sql(
        `INSERT INTO claim (id, community_id, shift_id, person_id, status, source, created_by, starts_at, ends_at, created_at, updated_at)
         VALUES (gen_random_uuid(), ?, ?, ?, ?, 'self', gen_random_uuid(), ?, ?, now(), now())`,
        [tenant.community.id, shiftId, person, status, startsAt, endsAt],
      );
    await insert(shift.id, 'confirmed', shift.startsAt, shift.endsAt);
    await expect(insert(shift.id, 'waitlisted', shift.startsAt, shift.endsAt)).rejects.toThrow(
      /claim_one_active_per_person_and_shift/,
    );
    await expect(insert(other.id, 'confirmed', other.startsAt, other.endsAt)).rejects.toThrow(
      /claim_no_overlapping_confirmed/,
    );
  });
});
