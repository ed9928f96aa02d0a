import { RequestContext } from '@mikro-orm/core';
import { createTenant, Tenant } from '@linli/identity/testing';
import { createPerson } from '@linli/volunteering/testing';
import { FixedClock } from '@linli/platform';
import { SeriesMaterialiseTick, ShiftSeriesService } from '@linli/volunteering';
import { startTestApi, TestApi } from '../../support/test-api';
import { bearerFor } from '../../support/auth';
import { placeOnShift, shanghai } from './volunteering-e2e.helpers';

/** Monday 21 September 2026, midnight in Shanghai: National Day (10-01..07) is inside the horizon. */
const NOW = new Date('2026-09-21T00:00:00+08:00');
const DAY = 24 * 3600_000;
const WEEK = 7 * DAY;

type ShiftView = {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  status: string;
  seriesId: string;
  confirmed: number;
  seriesOccurrence: string;
  editedByHand: boolean;
};

/** The Shanghai wall date and time of an instant, `2026-09-21 09:00`. */
const local = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('shift series: materialised for the horizon, idempotently; edited this / following / all', () => {
  let api: TestApi;
  let tenant: Tenant;
  let organiser: string;
  let volunteer: string;
  const clock = new FixedClock(NOW);

  beforeAll(async () => {
    api = await startTestApi({ clock });
    tenant = await createTenant(api.em());
    organiser = await bearerFor(api, tenant.accounts.organiser.email);
    volunteer = await bearerFor(api, tenant.accounts.volunteer.email);
  });
  afterAll(() => api.close());
  afterEach(() => clock.set(NOW));

  const market = {
    title: '城南市集 · 理发',
    locationText: '社区服务中心',
    rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
    dtstart: '2026-09-21T09:00',
    timeZone: 'Asia/Shanghai',
    holidayPolicy: 'skip_holidays',
    durationMinutes: 120,
    capacity: 5,
  };

  async function createSeries(overrides: Record<string, unknown> = {}) {
    const response = await api.http
      .post('/api/v1/shift-series')
      .set('authorization', organiser)
      .send({ ...market, ...overrides });
    expect(response.status).toBe(201);
    return response.body as { id: string; materialisedUntil: string; version: number };
  }

  async function shiftsOf(seriesId: string, status = 'open'): Promise<ShiftView[]> {
    const response = await api.http
      .get(`/api/v1/shift-series/${seriesId}/shifts?pageSize=100&status=${status}`)
      .set('authorization', organiser);
    expect(response.status).toBe(200);
    expect(response.body.total).toBeLessThanOrEqual(100);
    return response.body.items;
  }

  const edit = (seriesId: string, body: object) =>
    api.http.patch(`/api/v1/shift-series/${seriesId}`).set('authorization', organiser).send(body);

  const materialise = (seriesId: string) =>
    api.http.post(`/api/v1/shift-series/${seriesId}/materialise`).set('authorization', organiser).send();

  /** Someone placed on a shift by the organiser (sign-up windows do not apply to organisers). */
  async function placeSomeone(shiftId: string): Promise<string> {
    const person = await createPerson(api.em(), tenant.community);
    expect((await placeOnShift(api, organiser, shiftId, person.id)).status).toBe('confirmed');
    return person.id;
  }

  async function editedByHand(seriesId: string, shiftId: string): Promise<boolean> {
    const shift = (await shiftsOf(seriesId)).find((s) => s.id === shiftId)!;
    return shift.editedByHand;
  }

  it('materialises 8 weeks of the weekday market and skips Mid-Autumn and National Day', async () => {
    const series = await createSeries();
    const shifts = await shiftsOf(series.id);
    // 40 weekdays from 09-21 to 11-13, less 09-25 (中秋) and 10-01, 02, 05, 06, 07 (国庆节).
    expect(shifts).toHaveLength(34);
    const days = shifts.map((s) => local(s.startsAt).slice(0, 10));
    for (const holiday of [
      '2026-09-25',
      '2026-10-01',
      '2026-10-02',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ])
      expect(days).not.toContain(holiday);
    // The make-up workday (Saturday 10-10) is not added under skip_holidays.
    expect(days).not.toContain('2026-10-10');
    expect(days[0]).toBe('2026-09-21');
    expect(days[days.length - 1]).toBe('2026-11-13');
    expect(
      shifts.every((s) => local(s.startsAt).endsWith('09:00') && local(s.endsAt).endsWith('11:00')),
    ).toBe(true);
    expect(shifts.every((s) => s.seriesId === series.id && s.capacity === 5)).toBe(true);
    expect(series.materialisedUntil).toBe(shanghai(new Date(NOW.getTime() + 8 * WEEK)));
  });

  it('materialising again creates nothing; a week later it adds that week only', async () => {
    const series = await createSeries();
    const again = await materialise(series.id);
    expect([again.status, again.body.created]).toEqual([200, 0]);
    expect(await shiftsOf(series.id)).toHaveLength(34);

    clock.set(new Date(NOW.getTime() + WEEK));
    const nextWeek = await materialise(series.id);
    expect(nextWeek.body.created).toBe(5);
    expect(await shiftsOf(series.id)).toHaveLength(39);
  });

  it('concurrent materialisations (HTTP and worker ticks) create each occurrence exactly once', async () => {
    const series = await createSeries();
    clock.set(new Date(NOW.getTime() + 2 * WEEK));
    const service = api.app.get(ShiftSeriesService);
    const tick = new SeriesMaterialiseTick(api.orm.em, service, clock);
    const direct = () =>
      RequestContext.create(api.orm.em.fork(), () =>
        service.materialise(tenant.community.id, series.id, clock.now(), { wait: false }),
      ).then((result) => result.created.length);
    const results = await Promise.all([
      ...Array.from({ length: 6 }, () =>
        materialise(series.id).then((r) => (r.status === 200 ? r.body.created : -1)),
      ),
      ...Array.from({ length: 3 }, () => direct()),
      ...Array.from({ length: 2 }, () => tick.run()),
    ]);
    // Ticks may also extend other tests' series; only this series' shifts are counted.
    const shifts = await shiftsOf(series.id);
    expect(shifts).toHaveLength(34 + 10);
    expect(new Set(shifts.map((s) => s.startsAt)).size).toBe(shifts.length);
    expect(results.slice(0, 9).every((n) => n >= 0)).toBe(true);
    expect(results.slice(0, 9).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10);
    // One ShiftScheduled event per shift, whoever created it.
    const events = await api
      .em()
      .getConnection()
      .execute<{ n: string }[]>(
        `SELECT count(*) AS n FROM outbox_event e JOIN shift s ON s.id = e.aggregate_id
          WHERE e.type = 'ShiftScheduled' AND s.series_id = ?`,
        [series.id],
      );
    expect(Number(events[0].n)).toBe(44);
  });

  it("'this' changes one occurrence only, moving its claims, and marks it edited by hand", async () => {
    const series = await createSeries();
    const before = await shiftsOf(series.id);
    const target = before.find((s) => local(s.startsAt) === '2026-09-23 09:00')!;
    const person = await placeSomeone(target.id);

    const response = await edit(series.id, {
      scope: 'this',
      occurrence: '2026-09-23T09:00:00+08:00',
      changes: { startTime: '14:00', capacity: 8 },
    });
    expect(response.status).toBe(200);
    expect(response.body.changed).toEqual([target.id]);

    const after = await shiftsOf(series.id);
    const moved = after.find((s) => s.id === target.id)!;
    expect([local(moved.startsAt), local(moved.endsAt), moved.capacity]).toEqual([
      '2026-09-23 14:00',
      '2026-09-23 16:00',
      8,
    ]);
    const others = after.filter((s) => s.id !== target.id);
    expect(others).toEqual(before.filter((s) => s.id !== target.id));
    const claims = await api.http.get(`/api/v1/claims?shiftId=${target.id}`).set('authorization', organiser);
    expect(claims.body.items).toEqual([
      expect.objectContaining({ personId: person, status: 'confirmed', startsAt: moved.startsAt }),
    ]);
    expect(await editedByHand(series.id, target.id)).toBe(true);
    expect(moved.seriesOccurrence).toBe(target.seriesOccurrence);
  });

  it("'following' ends the series before the occurrence and carries the rest, in place, to a new series", async () => {
    const series = await createSeries({ rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR' });
    const before = await shiftsOf(series.id);
    const splitAt = Date.parse('2026-10-12T09:00:00+08:00');
    const earlier = before.filter((s) => Date.parse(s.startsAt) < splitAt);
    const later = before.filter((s) => Date.parse(s.startsAt) >= splitAt);
    const claimed = later[1];
    await placeSomeone(claimed.id);

    const response = await edit(series.id, {
      scope: 'following',
      occurrence: '2026-10-12T09:00:00+08:00',
      changes: { startTime: '14:00', title: '城南市集 · 理发（下午）' },
    });
    expect(response.status).toBe(200);
    const { series: old, newSeries, changed, created, cancelled } = response.body;
    expect(old.endedAt).toBe(shanghai(new Date(splitAt)));
    expect(old.rrule).toContain('UNTIL=20261012T005959Z');
    expect(newSeries).toMatchObject({ dtstart: '2026-10-12T14:00:00', title: '城南市集 · 理发（下午）' });
    expect([created, cancelled]).toEqual([[], []]);
    expect([...changed].sort()).toEqual(later.map((s) => s.id).sort());

    expect(await shiftsOf(series.id)).toEqual(earlier);
    const carried = await shiftsOf(newSeries.id);
    expect(carried.map((s) => s.id)).toEqual(later.map((s) => s.id));
    expect(
      carried.every((s) => local(s.startsAt).endsWith('14:00') && s.title === '城南市集 · 理发（下午）'),
    ).toBe(true);
    expect(carried.find((s) => s.id === claimed.id)!.confirmed).toBe(1);
    // Changed by the series, not by hand: a later edit of the new series still reaches them.
    expect(await editedByHand(newSeries.id, claimed.id)).toBe(false);

    // The old series does not materialise past its end; the new one carries on.
    clock.set(new Date(NOW.getTime() + 3 * WEEK));
    expect((await materialise(series.id)).body.created).toBe(0);
    expect((await materialise(newSeries.id)).body.created).toBe(9);
  });

  const outbox = (shiftId: string) =>
    api
      .em()
      .getConnection()
      .execute<{ type: string; payload: Record<string, unknown> }[]>(
        `SELECT type, payload FROM outbox_event WHERE aggregate_id = ? ORDER BY id`,
        [shiftId],
      );

  it("'following' to an earlier time keeps every claim: the split day's shift moves too, with a change notice", async () => {
    const series = await createSeries({ rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR' });
    const before = await shiftsOf(series.id);
    const splitAt = Date.parse('2026-10-12T09:00:00+08:00');
    const later = before.filter((s) => Date.parse(s.startsAt) >= splitAt);
    const [first, second] = later;
    const onFirst = await placeSomeone(first.id);
    await placeSomeone(second.id);

    const response = await edit(series.id, {
      scope: 'following',
      occurrence: '2026-10-12T09:00:00+08:00',
      changes: { startTime: '08:00' },
    });
    expect(response.status).toBe(200);
    const { newSeries, changed, created, cancelled, failed } = response.body;
    expect({ created, cancelled, failed }).toEqual({ created: [], cancelled: [], failed: [] });
    expect([...changed].sort()).toEqual(later.map((s) => s.id).sort());
    const carried = await shiftsOf(newSeries.id);
    expect(carried.map((s) => s.id)).toEqual(later.map((s) => s.id));
    expect(carried.every((s) => local(s.startsAt).endsWith('08:00'))).toBe(true);
    expect(carried.find((s) => s.id === first.id)).toMatchObject({ confirmed: 1, status: 'open' });
    expect(carried.find((s) => s.id === second.id)).toMatchObject({ confirmed: 1, status: 'open' });
    const events = await outbox(first.id);
    expect(events.map((e) => e.type)).not.toContain('ShiftCancelled');
    expect(events.find((e) => e.type === 'ShiftChanged')?.payload).toMatchObject({
      moved: true,
      affectedPersonIds: [onFirst],
    });
  });

  it("'following' moving a shift onto someone's other shift releases only that place, tells them, and moves the rest", async () => {
    const series = await createSeries({ rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR' });
    const target = (await shiftsOf(series.id)).find((s) => local(s.startsAt) === '2026-10-14 09:00')!;
    const busy = await placeSomeone(target.id);
    const free = await placeSomeone(target.id);
    // The busy person already has an afternoon shift that day.
    const afternoon = await api.http.post('/api/v1/shifts').set('authorization', organiser).send({
      title: '助老 · 午后',
      startsAt: '2026-10-14T14:30:00+08:00',
      endsAt: '2026-10-14T16:00:00+08:00',
      timeZone: 'Asia/Shanghai',
      capacity: 2,
    });
    expect(afternoon.status).toBe(201);
    expect((await placeOnShift(api, organiser, afternoon.body.id, busy)).status).toBe('confirmed');

    const response = await edit(series.id, {
      scope: 'following',
      occurrence: '2026-10-12T09:00:00+08:00',
      changes: { startTime: '14:00' },
    });
    expect(response.status).toBe(200);
    expect(response.body.failed).toEqual([]);
    expect(response.body.released).toEqual([
      { shiftId: target.id, personId: busy, reason: 'overlaps', overlapsShiftId: afternoon.body.id },
    ]);
    const moved = (await shiftsOf(response.body.newSeries.id)).find((s) => s.id === target.id)!;
    expect(local(moved.startsAt)).toBe('2026-10-14 14:00');
    expect(moved.confirmed).toBe(1);
    const events = await outbox(target.id);
    expect(events.find((e) => e.type === 'ShiftChanged')?.payload).toMatchObject({
      affectedPersonIds: [free],
    });
    expect(events.find((e) => e.type === 'ClaimCancelled')?.payload).toMatchObject({
      personId: busy,
      reason: 'overlaps',
      overlapsShiftId: afternoon.body.id,
    });
  });

  it("'all' changes every future shift but one edited by hand, unless includeEditedByHand", async () => {
    const series = await createSeries({ rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR' });
    const shifts = await shiftsOf(series.id);
    const handEdited = shifts.find((s) => local(s.startsAt) === '2026-09-30 09:00')!;
    const moved = await api.http
      .patch(`/api/v1/shifts/${handEdited.id}`)
      .set('authorization', organiser)
      .send({ startsAt: '2026-09-30T10:00:00+08:00', endsAt: '2026-09-30T12:00:00+08:00' });
    expect(moved.status).toBe(200);
    expect(await editedByHand(series.id, handEdited.id)).toBe(true);

    // Thursday noon: Monday's and Wednesday's shifts are past and stay as they were.
    clock.set(new Date(NOW.getTime() + 3.5 * DAY));
    const first = await edit(series.id, { scope: 'all', changes: { capacity: 9 } });
    expect(first.status).toBe(200);
    expect(first.body.untouched).toEqual([{ shiftId: handEdited.id, reason: 'edited_by_hand' }]);
    expect(first.body.series.version).toBe(series.version + 1);
    const afterFirst = await shiftsOf(series.id);
    for (const shift of afterFirst) {
      const past = Date.parse(shift.startsAt) < clock.now().getTime();
      expect([shift.id, shift.capacity]).toEqual([shift.id, past || shift.id === handEdited.id ? 5 : 9]);
    }

    const second = await edit(series.id, {
      scope: 'all',
      changes: { capacity: 10 },
      includeEditedByHand: true,
    });
    expect(second.status).toBe(200);
    expect(second.body.untouched).toEqual([]);
    const back = (await shiftsOf(series.id)).find((s) => s.id === handEdited.id)!;
    // Included, it follows the series again: its capacity, and its occurrence's time.
    expect([back.capacity, local(back.startsAt)]).toEqual([10, '2026-09-30 09:00']);
    expect(await editedByHand(series.id, handEdited.id)).toBe(false);
  });

  it('an rrule that drops a weekday cancels those shifts (people recorded); adding it back recreates them', async () => {
    const series = await createSeries({ rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR' });
    const shifts = await shiftsOf(series.id);
    const wednesdays = shifts.filter((s) => new Date(s.startsAt).getUTCDay() === 3);
    const person = await placeSomeone(wednesdays[0].id);

    const dropped = await edit(series.id, { scope: 'all', changes: { rrule: 'FREQ=WEEKLY;BYDAY=MO,FR' } });
    expect(dropped.status).toBe(200);
    expect(dropped.body.cancelled.map((c: { shiftId: string }) => c.shiftId).sort()).toEqual(
      wednesdays.map((s) => s.id).sort(),
    );
    expect(dropped.body.cancelled.find((c: { shiftId: string }) => c.shiftId === wednesdays[0].id)).toEqual({
      shiftId: wednesdays[0].id,
      affectedPersonIds: [person],
    });
    expect(dropped.body.changed).toEqual([]);
    const open = await shiftsOf(series.id);
    expect(open).toHaveLength(shifts.length - wednesdays.length);
    expect(open.every((s) => new Date(s.startsAt).getUTCDay() !== 3)).toBe(true);
    expect(await shiftsOf(series.id, 'cancelled')).toHaveLength(wednesdays.length);

    const restored = await edit(series.id, {
      scope: 'all',
      changes: { rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR' },
    });
    expect(restored.status).toBe(200);
    expect(restored.body.created).toHaveLength(wednesdays.length);
    expect(await shiftsOf(series.id)).toHaveLength(shifts.length);
  });

  it('refuses a capacity below the places taken with a coded 409, before changing anything', async () => {
    const series = await createSeries({ capacity: 2 });
    const [first] = await shiftsOf(series.id);
    await placeSomeone(first.id);
    await placeSomeone(first.id);
    const refused = await edit(series.id, { scope: 'all', changes: { capacity: 1 } });
    expect([refused.status, refused.body.code]).toEqual([409, 'CONFLICT']);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(refused.body.detail).toContain('2026-09-21 09:00');
    const unchanged = await api.http.get(`/api/v1/shift-series/${series.id}`).set('authorization', organiser);
    expect([unchanged.body.capacity, unchanged.body.version]).toEqual([2, series.version]);
    expect((await shiftsOf(series.id)).every((s) => s.capacity === 2)).toBe(true);
  });

  it('refuses an invalid rule with 400 RRULE_INVALID, on create and on edit', async () => {
    const created = await api.http
      .post('/api/v1/shift-series')
      .set('authorization', organiser)
      .send({ ...market, rrule: 'FREQ=FORTNIGHTLY;BYDAY=MO' });
    expect([created.status, created.body.code]).toEqual([400, 'RRULE_INVALID']);
    expect(created.headers['content-type']).toMatch(/problem\+json/);
    expect(created.body.errors[0].field).toBe('body.rrule');

    const series = await createSeries();
    const edited = await edit(series.id, { scope: 'all', changes: { rrule: 'FREQ=WEEKLY;BYDAY=XX' } });
    expect([edited.status, edited.body.code]).toEqual([400, 'RRULE_INVALID']);
    expect(edited.body.errors[0].field).toBe('body.changes.rrule');

    const tooOften = await api.http
      .post('/api/v1/shift-series')
      .set('authorization', organiser)
      .send({ ...market, rrule: 'FREQ=MINUTELY' });
    expect([tooOften.status, tooOften.body.code]).toEqual([400, 'RRULE_INVALID']);
  });

  it('refuses an occurrence the series does not have, and a scope without one', async () => {
    const series = await createSeries();
    const holiday = await edit(series.id, {
      scope: 'this',
      occurrence: '2026-10-01T09:00:00+08:00',
      changes: { capacity: 3 },
    });
    expect([holiday.status, holiday.body.code]).toEqual([422, 'OCCURRENCE_NOT_IN_SERIES']);
    const missing = await edit(series.id, { scope: 'following', changes: { capacity: 3 } });
    expect([missing.status, missing.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const unknown = await edit(series.id, { scope: 'all', changes: { capacity: 3, colour: 'red' } });
    expect(unknown.status).toBe(400);
  });

  it('ending a series cancels its future shifts nobody is on and keeps the others', async () => {
    const series = await createSeries({ rrule: 'FREQ=WEEKLY;BYDAY=MO' });
    const shifts = await shiftsOf(series.id);
    await placeSomeone(shifts[2].id);
    const ended = await api.http.delete(`/api/v1/shift-series/${series.id}`).set('authorization', organiser);
    expect(ended.status).toBe(200);
    expect(ended.body.kept).toEqual([shifts[2].id]);
    expect(ended.body.cancelled).toHaveLength(shifts.length - 1);
    expect(ended.body.series.endedAt).toBe(shanghai(NOW));
    expect((await shiftsOf(series.id)).map((s) => s.id)).toEqual([shifts[2].id]);

    clock.set(new Date(NOW.getTime() + 4 * WEEK));
    expect((await materialise(series.id)).body.created).toBe(0);
    const refused = await edit(series.id, { scope: 'all', changes: { capacity: 3 } });
    expect([refused.status, refused.body.code]).toEqual([409, 'SERIES_ENDED']);
  });

  it('lets any signed-in user read series, and only organisers write', async () => {
    const series = await createSeries();
    const read = await api.http.get(`/api/v1/shift-series/${series.id}`).set('authorization', volunteer);
    expect([read.status, read.body.rrule]).toEqual([200, market.rrule]);
    const list = await api.http.get('/api/v1/shift-series?active=true').set('authorization', volunteer);
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(series.id);
    const write = await api.http.post('/api/v1/shift-series').set('authorization', volunteer).send(market);
    expect([write.status, write.body.code]).toEqual([403, 'FORBIDDEN']);
    const other = await createTenant(api.em());
    const stranger = await bearerFor(api, other.accounts.organiser.email);
    const hidden = await api.http.get(`/api/v1/shift-series/${series.id}`).set('authorization', stranger);
    expect([hidden.status, hidden.body.code]).toEqual([404, 'NOT_FOUND']);
  });
});
