import { createTenant, Tenant } from '@linli/identity/testing';
import { FixedClock } from '@linli/platform';
import { startTestApi, TestApi } from '../support/test-api';
import { Bearers, signInAll } from '../support/auth';
import { errorFields, expectProblem, expectStatus } from './identity-e2e.helpers';

interface Day {
  date: string;
  kind: string;
  name: string;
  source: string;
  note: string | null;
  bundled: { kind: string; name: string } | null;
}

/** The re-plan report of a change that touched nothing planned (issue 10). */
const NOTHING_REPLANNED = { timeZone: 'Asia/Shanghai', cancelled: [], moved: [], added: [], refused: [] };

const NATIONAL_DAY_2027 = [
  { date: '2027-09-26', kind: 'workday', name: '国庆节' },
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
    date: `2027-10-${d}`,
    kind: 'off',
    name: '国庆节',
  })),
  { date: '2027-10-09', kind: 'workday', name: '国庆节' },
];

const ICS_2028 = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//State Council//Holidays 2028//CN',
  'BEGIN:VEVENT',
  'UID:2028-new-year@test.linli',
  'DTSTART;VALUE=DATE:20280101',
  'DTEND;VALUE=DATE:20280104',
  'SUMMARY:元旦 休',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2028-spring-workday@test.linli',
  'DTSTART;VALUE=DATE:20280129',
  'SUMMARY:春节 班',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('holidays: /api/v1/holidays and /api/v1/recurrence/preview', () => {
  let api: TestApi;
  let a: Tenant;
  let b: Tenant;
  let asA: Bearers;
  let asB: Bearers;

  beforeAll(async () => {
    api = await startTestApi();
    a = await createTenant(api.em(), 'a');
    b = await createTenant(api.em(), 'b');
    asA = await signInAll(api, a);
    asB = await signInAll(api, b);
  });
  afterAll(() => api.close());

  const list = (bearer: string, year: number | string) =>
    api.http.get(`/api/v1/holidays?year=${year}`).set('authorization', bearer);
  const put = (bearer: string, date: string, body: Record<string, unknown>) =>
    api.http.put(`/api/v1/holidays/${date}`).set('authorization', bearer).send(body);
  const remove = (bearer: string, date: string) =>
    api.http.delete(`/api/v1/holidays/${date}`).set('authorization', bearer);
  const importYear = (bearer: string, body: Record<string, unknown>) =>
    api.http.post('/api/v1/holidays/import').set('authorization', bearer).send(body);
  const preview = (bearer: string, body: Record<string, unknown>) =>
    api.http.post('/api/v1/recurrence/preview').set('authorization', bearer).send(body);

  async function daysOf(bearer: string, year: number): Promise<Day[]> {
    const response = await list(bearer, year);
    expectStatus(response, 200);
    return response.body.days;
  }
  const dayOn = async (bearer: string, date: string) =>
    (await daysOf(bearer, Number(date.slice(0, 4)))).find((day) => day.date === date);

  describe('reading the calendar', () => {
    it('shows the bundled 2026 National Day week off and its make-up workdays, to any signed-in role', async () => {
      const response = await list(asA.volunteer, 2026);
      expectStatus(response, 200);
      expect(response.body).toMatchObject({ year: 2026, hasOfficialData: true, importedAt: null });
      const nationalDay = (response.body.days as Day[]).filter((day) => day.name === '国庆节');
      expect(nationalDay.map((day) => `${day.date} ${day.kind}`)).toEqual([
        '2026-09-20 workday',
        '2026-10-01 off',
        '2026-10-02 off',
        '2026-10-03 off',
        '2026-10-04 off',
        '2026-10-05 off',
        '2026-10-06 off',
        '2026-10-07 off',
        '2026-10-10 workday',
      ]);
      expect(nationalDay[0]).toEqual({
        date: '2026-09-20',
        kind: 'workday',
        name: '国庆节',
        source: 'bundled',
        note: null,
        bundled: null,
      });
    });

    it('says 2027 has no official data yet (the bundled package stops at 2026)', async () => {
      const response = await list(asA.coordinator, 2027);
      expectStatus(response, 200);
      expect(response.body).toEqual({
        year: 2027,
        hasOfficialData: false,
        importedAt: null,
        timeZone: 'Asia/Shanghai',
        days: [],
      });
    });

    it.each(['1999', '2101', 'abc', '2026.5', ''])('refuses year=%s with 400', async (year) => {
      const response = await list(asA.volunteer, year);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(errorFields(response)).toEqual(['query.year']);
    });

    it('refuses unknown query fields and callers without a token', async () => {
      const unknown = await api.http
        .get('/api/v1/holidays?year=2026&zone=x')
        .set('authorization', asA.volunteer);
      expectProblem(unknown, 400, 'VALIDATION_FAILED');
      expect(errorFields(unknown)).toEqual(['query.zone']);
      expectProblem(await api.http.get('/api/v1/holidays?year=2026'), 401, 'UNAUTHENTICATED');
    });
  });

  describe('overrides (organisers)', () => {
    it('adds a day, lists it as an override, corrects it in place, and removes it', async () => {
      const added = await put(asA.organiser, '2026-10-12', {
        kind: 'off',
        name: '社区活动日',
        note: '街道安排',
      });
      expectStatus(added, 200);
      const { replanned, ...addedDay } = added.body;
      expect(addedDay).toEqual({
        date: '2026-10-12',
        kind: 'off',
        name: '社区活动日',
        source: 'override',
        note: '街道安排',
        bundled: null,
      });
      // No series in this community: nothing to re-plan (issue 10).
      expect(replanned).toEqual(NOTHING_REPLANNED);
      expect(await dayOn(asA.volunteer, '2026-10-12')).toEqual(addedDay);

      const corrected = await put(asA.organiser, '2026-10-12', { kind: 'workday', name: '社区调休' });
      expectStatus(corrected, 200);
      expect(corrected.body).toMatchObject({
        kind: 'workday',
        name: '社区调休',
        note: null,
        source: 'override',
      });
      expect((await daysOf(asA.volunteer, 2026)).filter((day) => day.date === '2026-10-12')).toHaveLength(1);

      const removed = await remove(asA.organiser, '2026-10-12');
      expectStatus(removed, 200);
      expect(removed.body).toEqual({
        date: '2026-10-12',
        outcome: 'deleted',
        day: null,
        replanned: NOTHING_REPLANNED,
      });
      expect(await dayOn(asA.volunteer, '2026-10-12')).toBeUndefined();
    });

    it('cancels a bundled day with kind normal, showing what it replaces, and deleting brings it back', async () => {
      const cancelled = await put(asA.organiser, '2026-10-10', { kind: 'normal', name: '取消调休' });
      expectStatus(cancelled, 200);
      expect(await dayOn(asA.volunteer, '2026-10-10')).toEqual({
        date: '2026-10-10',
        kind: 'normal',
        name: '取消调休',
        source: 'override',
        note: null,
        bundled: { kind: 'workday', name: '国庆节' },
      });
      const restored = await remove(asA.organiser, '2026-10-10');
      expectStatus(restored, 200);
      expect(restored.body.day).toMatchObject({
        date: '2026-10-10',
        kind: 'workday',
        name: '国庆节',
        source: 'bundled',
      });
      expect(await dayOn(asA.volunteer, '2026-10-10')).toMatchObject({ source: 'bundled' });
    });

    it('answers 404 when deleting a date that has no override (a bundled day is not an override)', async () => {
      expectProblem(await remove(asA.organiser, '2026-10-01'), 404, 'NOT_FOUND');
      expectProblem(await remove(asA.organiser, '2026-03-03'), 404, 'NOT_FOUND');
    });

    it.each(['volunteer', 'coordinator'] as const)(
      'refuses writes from a %s with 403 and writes nothing',
      async (role) => {
        expectProblem(await put(asA[role], '2026-11-02', { kind: 'off', name: '休息' }), 403, 'FORBIDDEN');
        expectProblem(await remove(asA[role], '2026-10-01'), 403, 'FORBIDDEN');
        const body = {
          year: 2030,
          format: 'json',
          content: JSON.stringify([{ date: '2030-01-01', kind: 'off', name: '元旦' }]),
        };
        expectProblem(await importYear(asA[role], body), 403, 'FORBIDDEN');
        expect(await dayOn(asA.organiser, '2026-11-02')).toBeUndefined();
        expect((await list(asA.organiser, 2030)).body.hasOfficialData).toBe(false);
      },
    );

    it.each([
      ['an impossible date', '2026-02-30', { kind: 'off', name: 'x' }, 'param.date'],
      ['a date that is not one', 'tomorrow', { kind: 'off', name: 'x' }, 'param.date'],
      ['a date outside 2000..2100', '2101-01-01', { kind: 'off', name: 'x' }, 'param.date'],
      ['an unknown kind', '2026-11-02', { kind: 'holiday', name: 'x' }, 'body.kind'],
      ['a blank name', '2026-11-02', { kind: 'off', name: '  ' }, 'body.name'],
      ['an unknown field', '2026-11-02', { kind: 'off', name: 'x', colour: 'red' }, 'body.colour'],
    ])('refuses %s with 400', async (_label, date, body, field) => {
      const response = await put(asA.organiser, date, body);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(errorFields(response)).toEqual([field]);
    });
  });

  describe('per community', () => {
    it("keeps B's override out of A's calendar, and A cannot delete it", async () => {
      expectStatus(await put(asB.organiser, '2026-11-11', { kind: 'off', name: 'B 社区日' }), 200);
      expect(await dayOn(asB.volunteer, '2026-11-11')).toMatchObject({
        name: 'B 社区日',
        source: 'override',
      });
      expect(await dayOn(asA.volunteer, '2026-11-11')).toBeUndefined();
      expectProblem(await remove(asA.organiser, '2026-11-11'), 404, 'NOT_FOUND');
      expect(await dayOn(asB.volunteer, '2026-11-11')).toMatchObject({ name: 'B 社区日' });
    });

    it("keeps one community's imported year from the other", async () => {
      const body = {
        year: 2031,
        format: 'json',
        content: JSON.stringify([{ date: '2031-01-01', kind: 'off', name: '元旦' }]),
      };
      expectStatus(await importYear(asB.organiser, body), 200);
      expect((await list(asB.volunteer, 2031)).body).toMatchObject({
        hasOfficialData: true,
        days: [{ date: '2031-01-01' }],
      });
      expect((await list(asA.volunteer, 2031)).body).toMatchObject({ hasOfficialData: false, days: [] });
    });
  });

  describe('importing a year', () => {
    it('imports 2027 from JSON: the year becomes known and lists the days', async () => {
      const response = await importYear(asA.organiser, {
        year: 2027,
        format: 'json',
        content: JSON.stringify(NATIONAL_DAY_2027),
      });
      expectStatus(response, 200);
      expect(response.body).toEqual({
        year: 2027,
        days: 9,
        off: 7,
        workday: 2,
        replaced: 0,
        replanned: NOTHING_REPLANNED,
      });
      const year = await list(asA.volunteer, 2027);
      expect(year.body).toMatchObject({
        year: 2027,
        hasOfficialData: true,
        importedAt: expect.stringMatching(/\+08:00$/),
        timeZone: 'Asia/Shanghai',
      });
      expect(
        (year.body.days as Day[]).map(({ date, kind, name, source }) => ({ date, kind, name, source })),
      ).toEqual(NATIONAL_DAY_2027.map((day) => ({ ...day, source: 'override' })));
    });

    it('imports 2028 from an iCalendar file, expanding multi-day events', async () => {
      const response = await importYear(asA.organiser, { year: 2028, format: 'ics', content: ICS_2028 });
      expectStatus(response, 200);
      expect(response.body).toEqual({
        year: 2028,
        days: 4,
        off: 3,
        workday: 1,
        replaced: 0,
        replanned: NOTHING_REPLANNED,
      });
      const days = await daysOf(asA.volunteer, 2028);
      expect(days.map((day) => `${day.date} ${day.kind} ${day.name}`)).toEqual([
        '2028-01-01 off 元旦',
        '2028-01-02 off 元旦',
        '2028-01-03 off 元旦',
        '2028-01-29 workday 春节',
      ]);
    });

    it('replaces every override of the year, hand-made ones too, and nothing outside it', async () => {
      expectStatus(await put(asA.organiser, '2028-05-04', { kind: 'off', name: '青年节' }), 200);
      expectStatus(await put(asA.organiser, '2029-01-01', { kind: 'off', name: '元旦' }), 200);
      const content = JSON.stringify([{ date: '2028-01-01', kind: 'off', name: '元旦' }]);
      const response = await importYear(asA.organiser, { year: 2028, format: 'json', content });
      expectStatus(response, 200);
      expect(response.body).toMatchObject({ days: 1, replaced: 5 });
      expect((await daysOf(asA.volunteer, 2028)).map((day) => day.date)).toEqual(['2028-01-01']);
      expect(await dayOn(asA.volunteer, '2029-01-01')).toMatchObject({ name: '元旦' });
    });

    it('serialises concurrent writes to one year: every request succeeds and one file wins whole', async () => {
      const file = (name: string) =>
        JSON.stringify(['01', '02', '03'].map((d) => ({ date: `2032-10-${d}`, kind: 'off', name })));
      const responses = await Promise.all([
        importYear(asA.organiser, { year: 2032, format: 'json', content: file('甲') }),
        importYear(asA.organiser, { year: 2032, format: 'json', content: file('乙') }),
        put(asA.organiser, '2032-12-01', { kind: 'off', name: '丙' }),
        put(asA.organiser, '2032-12-01', { kind: 'off', name: '丁' }),
      ]);
      for (const response of responses) expectStatus(response, 200);
      const names = new Set(
        (await daysOf(asA.volunteer, 2032)).filter((d) => d.date < '2032-12-01').map((d) => d.name),
      );
      expect(names.size).toBe(1);
    });

    describe('a bad file answers 400 HOLIDAY_IMPORT_INVALID and leaves the year as it was', () => {
      const tooMany = Array.from({ length: 401 }, () => ({
        date: '2027-10-01',
        kind: 'off',
        name: '国庆节',
      }));
      it.each([
        [
          'a date outside the year',
          {
            year: 2027,
            format: 'json',
            content: JSON.stringify([
              ...NATIONAL_DAY_2027,
              { date: '2028-01-01', kind: 'off', name: '元旦' },
            ]),
          },
          'entry 10: 2028-01-01 is outside 2027',
        ],
        [
          'garbage instead of iCalendar',
          { year: 2027, format: 'ics', content: 'hello, this is not a calendar' },
          'line 1',
        ],
        [
          'an iCalendar event outside the year',
          { year: 2027, format: 'ics', content: ICS_2028 },
          'line 4 (元旦 休): 2028-01-01 is outside 2027',
        ],
        ['too many days', { year: 2027, format: 'json', content: JSON.stringify(tooMany) }, 'at most 400'],
        [
          'malformed JSON',
          { year: 2027, format: 'json', content: '[{"date": "2027-10-01",' },
          'not valid JSON',
        ],
      ])('%s', async (_label, body, message) => {
        const before = (await list(asA.organiser, 2027)).body;
        const response = await importYear(asA.organiser, body);
        expectProblem(response, 400, 'HOLIDAY_IMPORT_INVALID');
        expect(response.body.errors).toEqual(
          expect.arrayContaining([{ field: 'body.content', message: expect.stringContaining(message) }]),
        );
        expect((await list(asA.organiser, 2027)).body).toEqual(before);
      });

      it('and a refused first import does not mark the year as known', async () => {
        const content = JSON.stringify([{ date: '2033-02-30', kind: 'off', name: '春节' }]);
        expectProblem(
          await importYear(asA.organiser, { year: 2033, format: 'json', content }),
          400,
          'HOLIDAY_IMPORT_INVALID',
        );
        expect((await list(asA.organiser, 2033)).body).toMatchObject({ hasOfficialData: false, days: [] });
      });
    });

    it.each([
      ['an unknown format', { year: 2027, format: 'csv', content: 'x' }, 'body.format'],
      ['a year out of range', { year: 1999, format: 'json', content: '[]' }, 'body.year'],
      ['empty content', { year: 2027, format: 'json', content: '' }, 'body.content'],
      ['an unknown field', { year: 2027, format: 'json', content: '[]', replace: true }, 'body.replace'],
    ])('refuses %s with 400 VALIDATION_FAILED', async (_label, body, field) => {
      const response = await importYear(asA.organiser, body);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(errorFields(response)).toEqual([field]);
    });
  });

  describe('recurrence preview: validation', () => {
    const weekdays = { rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', dtstart: '2026-09-28T09:00:00' };

    it('answers 400 RRULE_INVALID for a bad rule, pointing at body.rrule', async () => {
      const response = await preview(asA.volunteer, { ...weekdays, rrule: 'FREQ=SOMETIMES;BYDAY=MO' });
      expectProblem(response, 400, 'RRULE_INVALID');
      expect(response.body.errors).toEqual([
        { field: 'body.rrule', message: expect.stringContaining('FREQ') },
      ]);
    });

    it('answers 400 RRULE_INVALID for an impossible start, pointing at body.dtstart', async () => {
      const response = await preview(asA.volunteer, { ...weekdays, dtstart: '2026-02-30T09:00:00' });
      expectProblem(response, 400, 'RRULE_INVALID');
      expect(errorFields(response)).toEqual(['body.dtstart']);
    });

    it('answers 400 TIME_ZONE_INVALID for a zone that is not IANA', async () => {
      for (const timeZone of ['Mars/Olympus_Mons', '+08:00']) {
        const response = await preview(asA.volunteer, { ...weekdays, timeZone });
        expectProblem(response, 400, 'TIME_ZONE_INVALID');
        expect(errorFields(response)).toEqual(['body.timeZone']);
      }
    });

    it('answers 422 RECURRENCE_LIMIT for a window over 10 years', async () => {
      const response = await preview(asA.volunteer, {
        ...weekdays,
        from: '2026-09-28T00:00:00+08:00',
        to: '2036-09-29T00:00:00+08:00',
      });
      expectProblem(response, 422, 'RECURRENCE_LIMIT');
      expect(errorFields(response)).toEqual(['body.to']);
    });

    it('answers 400 for a window that ends before it starts', async () => {
      const response = await preview(asA.volunteer, {
        ...weekdays,
        from: '2026-10-01T00:00:00Z',
        to: '2026-09-01T00:00:00Z',
      });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(errorFields(response)).toEqual(['body.to']);
    });

    it.each([
      ['an unknown field', { ...weekdays, colour: 'red' }, 'body.colour'],
      ['a start with an offset', { ...weekdays, dtstart: '2026-09-28T09:00:00+08:00' }, 'body.dtstart'],
      ['a window end without an offset', { ...weekdays, to: '2026-10-01T00:00:00' }, 'body.to'],
      ['an unknown holiday policy', { ...weekdays, holidayPolicy: 'skip_weekends' }, 'body.holidayPolicy'],
      ['a limit over 5000', { ...weekdays, limit: 5001 }, 'body.limit'],
      ['a missing rule', { dtstart: weekdays.dtstart }, 'body.rrule'],
      ['too many exdates', { ...weekdays, exdates: Array(1001).fill('2026-10-01T09:00:00') }, 'body.exdates'],
    ])('answers 400 VALIDATION_FAILED for %s', async (_label, body, field) => {
      const response = await preview(asA.volunteer, body);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(errorFields(response)).toEqual([field]);
    });

    it('needs a signed-in caller', async () => {
      expectProblem(await api.http.post('/api/v1/recurrence/preview').send(weekdays), 401, 'UNAUTHENTICATED');
    });
  });

  // These run the engine (expandSeries); they pass once libs/recurrence implements it.
  describe('recurrence preview: expansion on the community calendar', () => {
    const nationalDayFortnight = {
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      dtstart: '2026-09-28T09:00:00',
      duration: 'PT2H',
      holidayPolicy: 'skip_holidays_add_workdays',
      from: '2026-09-28T00:00:00+08:00',
      to: '2026-10-12T00:00:00+08:00',
    };
    const localStarts = (body: { occurrences: { start: { local: string } }[] }) =>
      body.occurrences.map((occurrence) => occurrence.start.local);

    it('skips the National Day week, adds the Saturday make-up workday, and names the holiday', async () => {
      const response = await preview(asB.volunteer, nationalDayFortnight);
      expectStatus(response, 200);
      expect(response.body.timeZone).toBe('Asia/Shanghai');
      expect(response.body.truncated).toBe(false);
      expect(localStarts(response.body)).toEqual([
        '2026-09-28T09:00:00',
        '2026-09-29T09:00:00',
        '2026-09-30T09:00:00',
        '2026-10-08T09:00:00',
        '2026-10-09T09:00:00',
        '2026-10-10T09:00:00',
      ]);
      const saturday = response.body.occurrences[5];
      expect(saturday.flags).toContain('makeup_workday');
      expect(saturday.start).toEqual({
        local: '2026-10-10T09:00:00',
        offset: '+08:00',
        instant: '2026-10-10T01:00:00Z',
      });
      expect(saturday.end).toMatchObject({ local: '2026-10-10T11:00:00' });
      expect(response.body.skipped).toEqual(
        ['01', '02', '05', '06', '07'].map((day) => ({
          recurrenceId: `2026-10-${day}T09:00:00`,
          reason: 'statutory_holiday',
          holidayName: '国庆节',
        })),
      );
    });

    it("reads the caller's community overrides and no one else's", async () => {
      expectStatus(await put(asA.organiser, '2026-10-08', { kind: 'off', name: '社区休息日' }), 200);
      const forA = await preview(asA.volunteer, nationalDayFortnight);
      const forB = await preview(asB.volunteer, nationalDayFortnight);
      expectStatus(forA, 200);
      expectStatus(forB, 200);
      expect(localStarts(forA.body)).not.toContain('2026-10-08T09:00:00');
      expect(forA.body.skipped).toContainEqual({
        recurrenceId: '2026-10-08T09:00:00',
        reason: 'statutory_holiday',
        holidayName: '社区休息日',
      });
      expect(localStarts(forB.body)).toContain('2026-10-08T09:00:00');
      expectStatus(await remove(asA.organiser, '2026-10-08'), 200);
    });

    it('flags occurrences in a year with no official data, until the year is imported', async () => {
      const body = {
        ...nationalDayFortnight,
        from: '2027-10-04T00:00:00+08:00',
        to: '2027-10-11T00:00:00+08:00',
      };
      const unknownYear = await preview(asB.volunteer, body);
      expectStatus(unknownYear, 200);
      expect(unknownYear.body.occurrences.length).toBeGreaterThan(0);
      for (const occurrence of unknownYear.body.occurrences)
        expect(occurrence.flags).toContain('holiday_data_missing');
      // A imported 2027 above: the week is skipped, Saturday the 9th is a make-up workday.
      const imported = await preview(asA.volunteer, body);
      expectStatus(imported, 200);
      expect(localStarts(imported.body)).toEqual(['2027-10-08T09:00:00', '2027-10-09T09:00:00']);
      for (const occurrence of imported.body.occurrences)
        expect(occurrence.flags).not.toContain('holiday_data_missing');
    });

    it('defaults the window to a year from the first start and cuts at the limit', async () => {
      const response = await preview(asA.volunteer, {
        rrule: 'FREQ=DAILY',
        dtstart: '2026-10-18T09:00:00',
        limit: 3,
      });
      expectStatus(response, 200);
      expect(response.body.window).toEqual({
        from: '2026-10-18T09:00:00+08:00',
        to: '2027-10-18T09:00:00+08:00',
      });
      expect(localStarts(response.body)).toEqual([
        '2026-10-18T09:00:00',
        '2026-10-19T09:00:00',
        '2026-10-20T09:00:00',
      ]);
      expect(response.body.truncated).toBe(true);
    });

    it('uses a given zone, with its offsets across a DST change', async () => {
      const response = await preview(asA.volunteer, {
        rrule: 'FREQ=WEEKLY;COUNT=2',
        dtstart: '2026-10-31T09:00:00',
        timeZone: 'America/New_York',
      });
      expectStatus(response, 200);
      expect(response.body.timeZone).toBe('America/New_York');
      expect(response.body.occurrences.map((o: { start: { offset: string } }) => o.start.offset)).toEqual([
        '-04:00',
        '-05:00',
      ]);
    });
  });
});

// Issue 10, item 11: holidays no longer fail silently. A series over a year without official
// data says so; importing or correcting a year re-plans the shifts not yet held (skip, move, add
// make-up workdays per the series' policy), tells the people on them once (the shift events
// invites and reminders follow), and the organiser gets a report of what moved.
describe('holidays re-plan series (issue 10)', () => {
  const NOW = new Date('2026-12-01T00:00:00Z');
  let api: TestApi;
  let c: Tenant;
  let as: Bearers;

  beforeAll(async () => {
    api = await startTestApi({ clock: new FixedClock(NOW) });
    c = await createTenant(api.em(), 'c');
    as = await signInAll(api, c);
  });
  afterAll(() => api.close());

  const series = async (title: string, rrule: string, dtstart: string, holidayPolicy: string) => {
    const response = await api.http.post('/api/v1/shift-series').set('authorization', as.organiser).send({
      title,
      rrule,
      dtstart,
      timeZone: 'Asia/Shanghai',
      holidayPolicy,
      durationMinutes: 120,
      capacity: 3,
    });
    expectStatus(response, 201);
    return response.body;
  };
  const shiftsOf = async (seriesId: string) => {
    const response = await api.http
      .get(`/api/v1/shift-series/${seriesId}/shifts?pageSize=100`)
      .set('authorization', as.organiser);
    expectStatus(response, 200);
    return response.body.items as SeriesShift[];
  };
  type SeriesShift = { id: string; startsAt: string; status: string; title: string };
  const on = (shifts: SeriesShift[], instant: string) => shifts.find((s) => s.startsAt === instant);
  const events = (shiftId: string, type: string) =>
    api
      .em()
      .getConnection()
      .execute<{ n: string }[]>(
        `SELECT count(*) AS n FROM outbox_event WHERE aggregate_id = ? AND type = ?`,
        [shiftId, type],
      )
      .then(([row]) => Number(row.n));

  const NEW_YEAR_2027 = [
    { date: '2027-01-01', kind: 'off', name: '元旦' },
    { date: '2027-01-09', kind: 'workday', name: '元旦' },
  ];

  it('warns in series creation and preview when a covered year has no official data', async () => {
    const created = await series(
      '周五图书室',
      'FREQ=WEEKLY;BYDAY=FR',
      '2026-12-04T09:00:00',
      'skip_holidays',
    );
    expect(created.warnings).toEqual([
      expect.objectContaining({
        code: 'HOLIDAY_DATA_MISSING',
        year: 2027,
        message: expect.stringContaining('2027'),
      }),
    ]);
    const preview = await api.http
      .post('/api/v1/recurrence/preview')
      .set('authorization', as.organiser)
      .send({
        rrule: 'FREQ=WEEKLY;BYDAY=FR',
        dtstart: '2026-12-04T09:00:00',
        duration: 'PT2H',
        holidayPolicy: 'skip_holidays',
        limit: 10,
      });
    expectStatus(preview, 200);
    expect(preview.body.warnings).toEqual([
      expect.objectContaining({ code: 'HOLIDAY_DATA_MISSING', year: 2027 }),
    ]);
    // No warning when nothing depends on holidays, or every year is known.
    const ignoring = await series('周五不看节假日', 'FREQ=WEEKLY;BYDAY=FR', '2026-12-04T09:00:00', 'ignore');
    expect(ignoring.warnings).toEqual([]);
    const known = await api.http.post('/api/v1/recurrence/preview').set('authorization', as.organiser).send({
      rrule: 'FREQ=WEEKLY;BYDAY=FR;COUNT=3',
      dtstart: '2026-12-04T09:00:00',
      holidayPolicy: 'skip_holidays',
    });
    expect(known.body.warnings).toEqual([]);
  });

  it('importing the year skips, moves and adds per policy, tells people once, and reports what moved', async () => {
    const fridays = await series('周五值班', 'FREQ=WEEKLY;BYDAY=FR', '2026-12-04T09:00:00', 'skip_holidays');
    const moving = await series(
      '周五巡逻',
      'FREQ=WEEKLY;BYDAY=FR',
      '2026-12-04T14:00:00',
      'move_to_next_workday',
    );
    const weekdays = await series(
      '工作日服务台',
      'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      '2026-12-28T09:00:00',
      'skip_holidays_add_workdays',
    );
    const newYearsDay = on(await shiftsOf(fridays.id), '2027-01-01T09:00:00+08:00')!;
    const movingDay = on(await shiftsOf(moving.id), '2027-01-01T14:00:00+08:00')!;
    expect(newYearsDay).toBeDefined();
    expect(movingDay).toBeDefined();
    for (const shift of [newYearsDay, movingDay]) {
      const claim = await api.http
        .post(`/api/v1/shifts/${shift.id}/claims`)
        .set('authorization', as.organiser)
        .send({ personId: c.people.volunteer.id });
      expectStatus(claim, 201);
    }

    const imported = await api.http
      .post('/api/v1/holidays/import')
      .set('authorization', as.organiser)
      .send({ year: 2027, format: 'json', content: JSON.stringify(NEW_YEAR_2027) });
    expectStatus(imported, 200);
    const report = imported.body.replanned;
    expect(report.cancelled).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          shiftId: newYearsDay.id,
          seriesId: fridays.id,
          startsAt: '2027-01-01T09:00:00+08:00',
          holidayName: '元旦',
          people: 1,
        }),
      ]),
    );
    expect(report.moved).toEqual([
      expect.objectContaining({
        shiftId: movingDay.id,
        seriesId: moving.id,
        from: '2027-01-01T14:00:00+08:00',
        to: '2027-01-04T14:00:00+08:00',
        people: 1,
      }),
    ]);
    expect(report.added).toEqual([
      expect.objectContaining({ seriesId: weekdays.id, startsAt: '2027-01-09T09:00:00+08:00' }),
    ]);
    // Every skip series of the community lost its 1 January (the first test's too); the moving one did not.
    const cancelledSeries = report.cancelled.map((s: { seriesId: string }) => s.seriesId);
    expect(cancelledSeries).toEqual(expect.arrayContaining([fridays.id, weekdays.id]));
    expect(cancelledSeries).not.toContain(moving.id);
    expect(report.refused).toEqual([]);

    expect(on(await shiftsOf(fridays.id), '2027-01-01T09:00:00+08:00')).toMatchObject({
      status: 'cancelled',
    });
    expect(on(await shiftsOf(moving.id), '2027-01-04T14:00:00+08:00')).toMatchObject({ id: movingDay.id });
    expect(on(await shiftsOf(weekdays.id), '2027-01-09T09:00:00+08:00')).toMatchObject({ status: 'open' });
    // The claim moved with its shift.
    const claims = await api.http
      .get(`/api/v1/shifts/${movingDay.id}/claims`)
      .set('authorization', as.organiser);
    if (claims.status === 200) expect(claims.body.items ?? claims.body).toHaveLength(1);

    // Once: importing the same file again changes nothing and tells nobody again.
    const again = await api.http
      .post('/api/v1/holidays/import')
      .set('authorization', as.organiser)
      .send({ year: 2027, format: 'json', content: JSON.stringify(NEW_YEAR_2027) });
    expectStatus(again, 200);
    expect(again.body.replanned).toMatchObject({ cancelled: [], moved: [], added: [] });
    expect(await events(newYearsDay.id, 'ShiftCancelled')).toBe(1);
    expect(await events(movingDay.id, 'ShiftChanged')).toBe(1);

    // A correction of one day re-plans too.
    const correction = await api.http
      .put('/api/v1/holidays/2027-01-08')
      .set('authorization', as.organiser)
      .send({ kind: 'off', name: '社区活动日' });
    expectStatus(correction, 200);
    expect(correction.body.replanned.cancelled).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          seriesId: fridays.id,
          startsAt: '2027-01-08T09:00:00+08:00',
          holidayName: '社区活动日',
        }),
      ]),
    );
  });
});
