import { createTenant, Tenant } from '@linli/identity/testing';
import { createPerson } from '@linli/volunteering/testing';
import { FixedClock } from '@linli/platform';
import { startTestApi, TestApi } from '../../support/test-api';
import { bearerFor } from '../../support/auth';
import { placeOnShift, signedInVolunteer } from './volunteering-e2e.helpers';

/** Tuesday 1 December 2026, midnight in Shanghai; sign-up opens 30 days ahead, the horizon is 8 weeks. */
const NOW = new Date('2026-12-01T00:00:00+08:00');
const DAY = 24 * 3600_000;

type ShiftView = { id: string; startsAt: string; confirmed: number; held: number; capacity: number };
type Outcome = { shiftId: string; startsAt: string; outcome: string; code: string | null };

const localDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

describe('standing commitments: a volunteer claims a series, a coordinator reserves a block across it', () => {
  let api: TestApi;
  let tenant: Tenant;
  let organiser: string;
  let coordinator: string;
  const clock = new FixedClock(NOW);

  beforeAll(async () => {
    api = await startTestApi({ clock });
    tenant = await createTenant(api.em());
    organiser = await bearerFor(api, tenant.accounts.organiser.email);
    coordinator = await bearerFor(api, tenant.accounts.coordinator.email);
  });
  afterAll(() => api.close());
  afterEach(() => clock.set(NOW));

  /** Thursdays 09:00-11:00 from 3 December: eight of them materialised (to 21 January). */
  async function thursdays(capacity = 3): Promise<{ id: string; shifts: ShiftView[] }> {
    const created = await api.http.post('/api/v1/shift-series').set('authorization', organiser).send({
      title: '每周四 · 助老',
      locationText: '社区服务中心',
      rrule: 'FREQ=WEEKLY;BYDAY=TH',
      dtstart: '2026-12-03T09:00',
      timeZone: 'Asia/Shanghai',
      holidayPolicy: 'ignore',
      durationMinutes: 120,
      capacity,
    });
    expect(created.status).toBe(201);
    return { id: created.body.id, shifts: await shiftsOf(created.body.id) };
  }

  async function shiftsOf(seriesId: string): Promise<ShiftView[]> {
    const response = await api.http
      .get(`/api/v1/shift-series/${seriesId}/shifts?pageSize=100`)
      .set('authorization', organiser);
    expect(response.status).toBe(200);
    return response.body.items;
  }

  const commit = (seriesId: string, token: string, body: object = {}) =>
    api.http.post(`/api/v1/shift-series/${seriesId}/commitments`).set('authorization', token).send(body);
  const outbox = (type: string) =>
    api
      .em()
      .getConnection()
      .execute<{ aggregate_id: string; payload: Record<string, unknown> }[]>(
        `SELECT aggregate_id, payload FROM outbox_event WHERE type = ? ORDER BY id`,
        [type],
      );
  const byDay = (outcomes: Outcome[]) =>
    Object.fromEntries(outcomes.map((o) => [localDay(o.startsAt), o.code ?? o.outcome]));

  it('claims every occurrence open for sign-up, reports each refusal by date (and by event), and claims later ones as they open', async () => {
    const series = await thursdays(3);
    const v = await signedInVolunteer(api, tenant.community);
    // 10 December: the volunteer is already busy then; 17 December: full.
    const busy = await api.http.post('/api/v1/shifts').set('authorization', organiser).send({
      title: 'other',
      startsAt: '2026-12-10T10:00:00+08:00',
      endsAt: '2026-12-10T12:00:00+08:00',
      timeZone: 'Asia/Shanghai',
      capacity: 1,
    });
    await placeOnShift(api, organiser, busy.body.id, v.person.id);
    const full = series.shifts.find((s) => localDay(s.startsAt) === '2026-12-17')!;
    for (let i = 0; i < 3; i++)
      await placeOnShift(api, organiser, full.id, (await createPerson(api.em(), tenant.community)).id);

    const response = await commit(series.id, v.token);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ seriesId: series.id, personId: v.person.id, endedAt: null });
    // Sign-up is open 30 days ahead: December's are claimed (or refused) now, January's wait.
    expect(byDay(response.body.outcomes)).toEqual({
      '2026-12-03': 'confirmed',
      '2026-12-10': 'CLAIM_OVERLAPS',
      '2026-12-17': 'waitlisted',
      '2026-12-24': 'confirmed',
    });
    const refused = await outbox('CommitmentRefused');
    expect(refused.map((e) => e.payload)).toContainEqual(
      expect.objectContaining({
        commitmentId: response.body.id,
        personId: v.person.id,
        code: 'CLAIM_OVERLAPS',
        startsAt: new Date('2026-12-10T09:00:00+08:00').toISOString(),
      }),
    );

    // Three weeks on: the horizon moves, sign-up opens for January, and the commitment follows.
    clock.set(new Date(NOW.getTime() + 21.5 * DAY));
    const materialised = await api.http
      .post(`/api/v1/shift-series/${series.id}/materialise`)
      .set('authorization', organiser)
      .send();
    expect(materialised.status).toBe(200);
    const later = await api.http.get(`/api/v1/commitments/${response.body.id}`).set('authorization', v.token);
    expect(later.status).toBe(200);
    const days = byDay(later.body.outcomes);
    expect(days['2026-12-31']).toBe('confirmed');
    expect(days['2027-01-07']).toBe('confirmed');
    expect(days['2027-01-21']).toBe('confirmed');
    expect(days['2027-01-28']).toBeUndefined(); // materialised now, but sign-up opens on 29 December
    // Nobody else may read it.
    const stranger = await signedInVolunteer(api, tenant.community);
    expect(
      (await api.http.get(`/api/v1/commitments/${response.body.id}`).set('authorization', stranger.token))
        .status,
    ).toBe(404);
  });

  it('ending it releases the future places; nothing is claimed after', async () => {
    const series = await thursdays(3);
    const v = await signedInVolunteer(api, tenant.community);
    const committed = await commit(series.id, v.token, { from: '2026-12-10' });
    expect(committed.status).toBe(201);
    expect(Object.keys(byDay(committed.body.outcomes))).toEqual(['2026-12-10', '2026-12-17', '2026-12-24']);

    clock.set(new Date('2026-12-10T10:00:00+08:00')); // the 10 December shift is under way
    const ended = await api.http
      .post(`/api/v1/commitments/${committed.body.id}/end`)
      .set('authorization', v.token)
      .send();
    expect(ended.status).toBe(200);
    expect(ended.body.endedAt).toBe('2026-12-10T10:00:00+08:00');
    expect(ended.body.released.map((r: { startsAt: string }) => localDay(r.startsAt))).toEqual([
      '2026-12-17',
      '2026-12-24',
    ]);
    const shifts = await shiftsOf(series.id);
    const confirmedOn = (day: string) => shifts.find((s) => localDay(s.startsAt) === day)!.confirmed;
    expect([confirmedOn('2026-12-10'), confirmedOn('2026-12-17'), confirmedOn('2026-12-24')]).toEqual([
      1, 0, 0,
    ]);
    const cancelled = await outbox('ClaimCancelled');
    expect(cancelled.filter((e) => e.payload.commitmentId === committed.body.id)).toHaveLength(2);
    expect(cancelled.find((e) => e.payload.commitmentId === committed.body.id)!.payload.reason).toBe(
      'commitment_ended',
    );

    // Sign-up opens for 31 December and later; an ended commitment claims none of them.
    clock.set(new Date('2026-12-20T00:00:00+08:00'));
    await api.http
      .post(`/api/v1/shift-series/${series.id}/materialise`)
      .set('authorization', organiser)
      .send();
    expect(
      (await shiftsOf(series.id)).filter((s) => s.startsAt > '2026-12-11').every((s) => s.confirmed === 0),
    ).toBe(true);
  });

  it("goes on with the new series after a 'this and following' edit, keeping the places it took", async () => {
    const series = await thursdays(3);
    const v = await signedInVolunteer(api, tenant.community);
    const committed = await commit(series.id, v.token);
    expect(committed.status).toBe(201);
    const edited = await api.http
      .patch(`/api/v1/shift-series/${series.id}`)
      .set('authorization', organiser)
      .send({ scope: 'following', occurrence: '2026-12-17T09:00:00+08:00', changes: { startTime: '10:00' } });
    expect(edited.status).toBe(200);
    const newSeriesId = edited.body.newSeries.id;
    const moved = await shiftsOf(newSeriesId);
    expect(moved.filter((s) => s.startsAt < '2026-12-25').every((s) => s.confirmed === 1)).toBe(true);

    clock.set(new Date(NOW.getTime() + 21.5 * DAY));
    await api.http
      .post(`/api/v1/shift-series/${newSeriesId}/materialise`)
      .set('authorization', organiser)
      .send();
    const later = await api.http
      .get(`/api/v1/commitments/${committed.body.id}`)
      .set('authorization', v.token);
    expect(later.body.seriesId).toBe(newSeriesId);
    const days = byDay(later.body.outcomes);
    expect([days['2026-12-03'], days['2026-12-17'], days['2027-01-14']]).toEqual([
      'confirmed',
      'confirmed',
      'confirmed',
    ]);
  });

  it('a coordinator reserves a block on every occurrence, refusals by date; ending gives the held places back', async () => {
    const series = await thursdays(3);
    const crowded = series.shifts.find((s) => localDay(s.startsAt) === '2026-12-24')!;
    for (let i = 0; i < 2; i++)
      await placeOnShift(api, organiser, crowded.id, (await createPerson(api.em(), tenant.community)).id);

    const block = await commit(series.id, coordinator, { organisationId: tenant.organisation.id, places: 2 });
    expect(block.status).toBe(201);
    expect(block.body).toMatchObject({ organisationId: tenant.organisation.id, places: 2, personId: null });
    const days = byDay(block.body.outcomes);
    // A block is not a sign-up: every materialised occurrence gets it at once.
    expect(Object.keys(days)).toHaveLength(8);
    expect(days['2026-12-03']).toBe('reserved');
    expect(days['2026-12-24']).toBe('NOT_ENOUGH_PLACES');
    expect((await shiftsOf(series.id)).find((s) => localDay(s.startsAt) === '2026-12-03')!.held).toBe(2);

    const ended = await api.http
      .post(`/api/v1/commitments/${block.body.id}/end`)
      .set('authorization', coordinator)
      .send();
    expect(ended.status).toBe(200);
    expect(ended.body.released).toHaveLength(7);
    expect((await shiftsOf(series.id)).every((s) => s.held === 0)).toBe(true);
  });

  it('refuses what the roles do not allow, and bad input, with coded 4xx', async () => {
    const series = await thursdays();
    const v = await signedInVolunteer(api, tenant.community);
    const other = await createPerson(api.em(), tenant.community);
    const expectCode = (r: { status: number; body: { code?: string } }, status: number, code: string) =>
      expect({ status: r.status, code: r.body.code }).toEqual({ status, code });
    expectCode(await commit(series.id, v.token, { personId: other.id }), 403, 'FORBIDDEN');
    expectCode(
      await commit(series.id, v.token, { organisationId: tenant.organisation.id, places: 1 }),
      403,
      'FORBIDDEN',
    );
    expectCode(
      await commit(series.id, organiser, { personId: other.id, organisationId: tenant.organisation.id }),
      400,
      'VALIDATION_FAILED',
    );
    expectCode(await commit(series.id, v.token, { from: '2026-02-30' }), 400, 'VALIDATION_FAILED');
    expectCode(await commit('00000000-0000-4000-8000-000000000000', v.token), 404, 'NOT_FOUND');
    expect((await commit(series.id, v.token)).status).toBe(201);
    expectCode(await commit(series.id, v.token), 409, 'ALREADY_EXISTS');
    // An organiser commits someone else; they may end it.
    const placed = await commit(series.id, organiser, { personId: other.id });
    expect(placed.status).toBe(201);
    expect(placed.body.personId).toBe(other.id);
  });
});
