import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { createTenant, Tenant } from '@linli/identity/testing';
import { checkInCodeAt, createShift, makeShift } from '@linli/volunteering/testing';
import { AttendanceUseCase } from '@linli/volunteering';
import { FixedClock } from '@linli/platform';
import { startTestApi, TestApi } from '../../support/test-api';
import { bearerFor } from '../../support/auth';
import { shanghai, signedInVolunteer } from './volunteering-e2e.helpers';

const NOW = new Date('2026-12-01T00:00:00Z'); // 08:00 in Shanghai
const MINUTE = 60_000;
const DECEMBER = 'from=2026-12-01&to=2026-12-31';

/** Collects a response body as bytes, whatever its content type. */
function binary(res: any, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** RFC 4180, enough to read our own export back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

function expectCode(response: Response, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
}

describe('check-in and hours: attendance, adjustments, reports', () => {
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
  beforeEach(() => clock.set(NOW));

  /** A 2-hour shift starting at 10:00 Shanghai unless told otherwise. */
  const shift = (overrides: Parameters<typeof makeShift>[2] = {}, t: Tenant = tenant) =>
    createShift(api.em(), t.community.id, { now: NOW, startsInHours: 2, ...overrides });

  const volunteerAccount = () => signedInVolunteer(api, tenant.community);

  async function claim(shiftId: string, token: string, personId?: string): Promise<string> {
    const response = await api.http
      .post(`/api/v1/shifts/${shiftId}/claims`)
      .set('authorization', token)
      .send(personId ? { personId } : {});
    expect([response.status, response.body.status]).toEqual([201, 'confirmed']);
    return response.body.id;
  }

  const post = (path: string, token: string, body: object = {}) =>
    api.http.post(`/api/v1${path}`).set('authorization', token).send(body);
  const get = (path: string, token: string) => api.http.get(`/api/v1${path}`).set('authorization', token);
  const at = (start: Date, minutes: number) => new Date(start.getTime() + minutes * MINUTE);

  describe('check-in with the shift’s code', () => {
    it('checks a volunteer in and out: completed, credited the checked-in time clamped to the shift', async () => {
      const s = await shift();
      const v = await volunteerAccount();
      const claimId = await claim(s.id, v.token);
      clock.set(at(s.startsAt, -30));
      const checkedIn = await post(`/shifts/${s.id}/check-in`, v.token, {
        code: checkInCodeAt(s, clock.now()),
      });
      expect(checkedIn.status).toBe(200);
      expect(checkedIn.body).toMatchObject({
        id: claimId,
        status: 'confirmed',
        checkedInAt: shanghai(at(s.startsAt, -30)),
        checkedInBy: v.accountId,
      });
      clock.set(at(s.startsAt, 5));
      const again = await post(`/shifts/${s.id}/check-in`, v.token, { code: checkInCodeAt(s, clock.now()) });
      expect(again.body.checkedInAt).toBe(checkedIn.body.checkedInAt);
      clock.set(at(s.startsAt, 95));
      const out = await post(`/shifts/${s.id}/check-out`, v.token, { code: checkInCodeAt(s, clock.now()) });
      expect(out.status).toBe(200);
      expect(out.body).toMatchObject({
        status: 'completed',
        creditedMinutes: 95,
        checkedOutBy: v.accountId,
      });
      const outAgain = await post(`/shifts/${s.id}/check-out`, v.token, {
        code: checkInCodeAt(s, clock.now()),
      });
      expect([outAgain.status, outAgain.body.creditedMinutes]).toEqual([200, 95]);
      const view = await get(`/shifts/${s.id}`, organiser);
      expect(view.body).toMatchObject({ confirmed: 1 });
    });

    it('refuses a wrong code with 422 CHECKIN_CODE_INVALID', async () => {
      const s = await shift();
      const v = await volunteerAccount();
      await claim(s.id, v.token);
      clock.set(at(s.startsAt, 0));
      const wrong = String((Number(checkInCodeAt(s, clock.now())) + 1) % 1_000_000).padStart(6, '0');
      expectCode(
        await post(`/shifts/${s.id}/check-in`, v.token, { code: wrong }),
        422,
        'CHECKIN_CODE_INVALID',
      );
      expectCode(
        await post(`/shifts/${s.id}/check-in`, v.token, { code: '12ab56' }),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('answers 429 TOO_MANY_REQUESTS with Retry-After after five wrong codes, even to the right one', async () => {
      const s = await shift();
      const v = await volunteerAccount();
      const claimId = await claim(s.id, v.token);
      clock.set(at(s.startsAt, 0));
      const right = checkInCodeAt(s, clock.now());
      const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
      for (let attempt = 0; attempt < 5; attempt++) {
        expectCode(
          await post(`/shifts/${s.id}/check-in`, v.token, { code: wrong }),
          422,
          'CHECKIN_CODE_INVALID',
        );
      }
      const blocked = await post(`/shifts/${s.id}/check-in`, v.token, { code: right });
      expectCode(blocked, 429, 'TOO_MANY_REQUESTS');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      // The organiser can still check them in by name.
      expect((await post(`/shifts/${s.id}/check-in`, organiser, { claimId })).status).toBe(200);
    });

    it('refuses outside the window with 409 CHECKIN_NOT_OPEN: more than an hour early, or after the end', async () => {
      const s = await shift();
      const v = await volunteerAccount();
      await claim(s.id, v.token);
      clock.set(at(s.startsAt, -61));
      expectCode(
        await post(`/shifts/${s.id}/check-in`, v.token, { code: checkInCodeAt(s, clock.now()) }),
        409,
        'CHECKIN_NOT_OPEN',
      );
      clock.set(at(s.endsAt, 1));
      expectCode(
        await post(`/shifts/${s.id}/check-in`, v.token, { code: checkInCodeAt(s, clock.now()) }),
        409,
        'CHECKIN_NOT_OPEN',
      );
    });

    it('needs a confirmed place: none or waitlisted is 409 NOT_ON_SHIFT; check-out before check-in is NOT_CHECKED_IN', async () => {
      const s = await shift({ capacity: 1, startsInHours: 24 }); // outside the cut-off: a waitlist
      const first = await volunteerAccount();
      const second = await volunteerAccount();
      const stranger = await volunteerAccount();
      await claim(s.id, first.token);
      const waitlisted = await post(`/shifts/${s.id}/claims`, second.token);
      expect(waitlisted.body.status).toBe('waitlisted');
      clock.set(at(s.startsAt, 10));
      const code = { code: checkInCodeAt(s, clock.now()) };
      expectCode(await post(`/shifts/${s.id}/check-in`, second.token, code), 409, 'NOT_ON_SHIFT');
      expectCode(await post(`/shifts/${s.id}/check-in`, stranger.token, code), 409, 'NOT_ON_SHIFT');
      expectCode(await post(`/shifts/${s.id}/check-out`, first.token, code), 409, 'NOT_CHECKED_IN');
    });

    it('lets an organiser check someone in and out by claim; volunteers cannot name a claim', async () => {
      const s = await shift();
      const v = await volunteerAccount();
      const claimId = await claim(s.id, v.token);
      clock.set(at(s.startsAt, 20));
      expectCode(await post(`/shifts/${s.id}/check-in`, v.token, { claimId }), 403, 'FORBIDDEN');
      expectCode(
        await post(`/shifts/${s.id}/check-in`, organiser, { claimId, code: checkInCodeAt(s, clock.now()) }),
        400,
        'VALIDATION_FAILED',
      );
      const checkedIn = await post(`/shifts/${s.id}/check-in`, organiser, { claimId });
      expect(checkedIn.body).toMatchObject({
        status: 'confirmed',
        checkedInBy: tenant.accounts.organiser.id,
      });
      clock.set(at(s.endsAt, 30));
      const out = await post(`/shifts/${s.id}/check-out`, organiser, { claimId });
      expect(out.body).toMatchObject({ status: 'completed', creditedMinutes: 100 });
      const elsewhere = await shift();
      expectCode(
        await post(`/shifts/${elsewhere.id}/check-in`, organiser, { claimId }),
        422,
        'REFERENCE_INVALID',
      );
    });

    it('completes check-ins nobody checked out of once check-out has closed, credited until the end', async () => {
      const s = await shift();
      const v = await volunteerAccount();
      const claimId = await claim(s.id, v.token);
      clock.set(at(s.startsAt, 45));
      await post(`/shifts/${s.id}/check-in`, v.token, { code: checkInCodeAt(s, clock.now()) });
      clock.set(at(s.endsAt, 119));
      await api.app.get(AttendanceUseCase).closeOpenCheckIns();
      const open = await get(`/claims?shiftId=${s.id}`, organiser);
      expect(open.body.items[0]).toMatchObject({ id: claimId, status: 'confirmed' });
      clock.set(at(s.endsAt, 121));
      expectCode(
        await post(`/shifts/${s.id}/check-out`, v.token, { code: checkInCodeAt(s, clock.now()) }),
        409,
        'CHECKIN_NOT_OPEN',
      );
      expect(await api.app.get(AttendanceUseCase).closeOpenCheckIns()).toBeGreaterThanOrEqual(1);
      const closed = await get(`/claims?shiftId=${s.id}`, organiser);
      expect(closed.body.items[0]).toMatchObject({
        status: 'completed',
        creditedMinutes: 75,
        checkedOutAt: null,
      });
    });
  });

  describe('QR code', () => {
    it('gives organisers the code and a check-in link, as JSON, PNG and SVG', async () => {
      const s = await shift();
      const code = await get(`/shifts/${s.id}/check-in-code`, organiser);
      expect(code.status).toBe(200);
      expect(code.body).toMatchObject({ shiftId: s.id, code: checkInCodeAt(s, clock.now()) });
      const url = new URL(code.body.url);
      expect(url.pathname).toBe('/checkin');
      expect([url.searchParams.get('shift'), url.searchParams.get('code')]).toEqual([
        s.id,
        checkInCodeAt(s, clock.now()),
      ]);
      expect(code.headers['cache-control']).toBe('private, no-store');
      // Tomorrow the QR shows another code, and today's stops working.
      clock.set(new Date(NOW.getTime() + 24 * 60 * MINUTE));
      const tomorrow = await get(`/shifts/${s.id}/check-in-code`, organiser);
      expect(tomorrow.body.code).toMatch(/^\d{6}$/);
      expect(tomorrow.body.code).not.toBe(code.body.code);
      const png = await get(`/shifts/${s.id}/check-in-code.png?size=256`, organiser)
        .buffer(true)
        .parse(binary);
      expect(png.status).toBe(200);
      expect(png.headers['content-type']).toBe('image/png');
      expect((png.body as Buffer).subarray(0, 8)).toEqual(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      );
      const svg = await get(`/shifts/${s.id}/check-in-code.svg`, organiser).buffer(true).parse(binary);
      expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
      expect((svg.body as Buffer).toString('utf8')).toContain('<svg');
      expectCode(
        await get(`/shifts/${s.id}/check-in-code.png?size=5000`, organiser),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('keeps the code from volunteers', async () => {
      const s = await shift();
      const v = await volunteerAccount();
      expectCode(await get(`/shifts/${s.id}/check-in-code`, v.token), 403, 'FORBIDDEN');
      expectCode(await get(`/shifts/${s.id}/check-in-code.png`, v.token), 403, 'FORBIDDEN');
    });
  });

  describe('attendance recorded by an organiser', () => {
    it('confirms attendance with the planned time, even without a check-in', async () => {
      const s = await shift({ hours: 3 });
      const v = await volunteerAccount();
      const claimId = await claim(s.id, v.token);
      expectCode(
        await post(`/claims/${claimId}/attendance`, organiser, { outcome: 'attended' }),
        409,
        'SHIFT_NOT_STARTED',
      );
      clock.set(at(s.endsAt, 60));
      const confirmed = await post(`/claims/${claimId}/attendance`, organiser, { outcome: 'attended' });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toMatchObject({
        status: 'completed',
        creditedMinutes: 180,
        attendanceRecordedBy: tenant.accounts.organiser.id,
        attendanceRecordedAt: shanghai(at(s.endsAt, 60)),
      });
      expectCode(
        await post(`/claims/${claimId}/attendance`, v.token, { outcome: 'attended' }),
        403,
        'FORBIDDEN',
      );
    });

    it('credits the checked-in time when asked, and refuses that without a check-in', async () => {
      const s = await shift();
      const [a, b] = [await volunteerAccount(), await volunteerAccount()];
      const [claimA, claimB] = [await claim(s.id, a.token), await claim(s.id, b.token)];
      clock.set(at(s.startsAt, 30));
      await post(`/shifts/${s.id}/check-in`, a.token, { code: checkInCodeAt(s, clock.now()) });
      clock.set(at(s.endsAt, 10));
      const fromCheckIn = await post(`/claims/${claimA}/attendance`, organiser, {
        outcome: 'attended',
        creditPlannedTime: false,
      });
      expect(fromCheckIn.body).toMatchObject({ status: 'completed', creditedMinutes: 90 });
      expectCode(
        await post(`/claims/${claimB}/attendance`, organiser, {
          outcome: 'attended',
          creditPlannedTime: false,
        }),
        409,
        'NOT_CHECKED_IN',
      );
    });

    it('marks a no-show with nothing credited, and corrects it', async () => {
      const s = await shift();
      const v = await volunteerAccount();
      const claimId = await claim(s.id, v.token);
      clock.set(at(s.endsAt, 5));
      const noShow = await post(`/claims/${claimId}/attendance`, organiser, { outcome: 'no_show' });
      expect(noShow.body).toMatchObject({ status: 'no_show', creditedMinutes: 0 });
      expectCode(
        await post(`/shifts/${s.id}/check-out`, v.token, { code: checkInCodeAt(s, clock.now()) }),
        409,
        'CLAIM_NOT_ACTIVE',
      );
      const corrected = await post(`/claims/${claimId}/attendance`, organiser, { outcome: 'attended' });
      expect(corrected.body).toMatchObject({ status: 'completed', creditedMinutes: 120 });
      expectCode(
        await post(`/claims/${claimId}/attendance`, organiser, { outcome: 'late' }),
        400,
        'VALIDATION_FAILED',
      );
    });
  });

  describe('adjustments', () => {
    it('records minutes with a reason, who and when, and lists them as the audit trail', async () => {
      const v = await volunteerAccount();
      clock.set(new Date('2026-12-20T04:00:00Z'));
      const added = await post(`/people/${v.person.id}/hours-adjustments`, organiser, {
        minutes: 45,
        reason: '补录：12月3日纸质签到表',
        occurredAt: '2026-12-03T10:00:00+08:00',
      });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({
        personId: v.person.id,
        minutes: 45,
        occurredAt: '2026-12-03T10:00:00+08:00',
        createdBy: { accountId: tenant.accounts.organiser.id, name: '组织者' },
        createdAt: '2026-12-20T12:00:00+08:00',
        timeZone: 'Asia/Shanghai',
      });
      clock.set(new Date('2026-12-21T04:00:00Z'));
      await post(`/people/${v.person.id}/hours-adjustments`, organiser, {
        minutes: -15,
        reason: '更正：多记了 15 分钟',
        occurredAt: '2026-12-03T10:00:00+08:00',
      });
      const trail = await get(`/people/${v.person.id}/hours-adjustments`, organiser);
      expect(trail.body.total).toBe(2);
      expect(trail.body.items.map((a: { minutes: number; reason: string }) => [a.minutes, a.reason])).toEqual(
        [
          [-15, '更正：多记了 15 分钟'],
          [45, '补录：12月3日纸质签到表'],
        ],
      );
      const own = await get(`/people/${v.person.id}/hours-adjustments`, v.token);
      expect(own.body.total).toBe(2);
      const other = await volunteerAccount();
      expectCode(await get(`/people/${v.person.id}/hours-adjustments`, other.token), 404, 'NOT_FOUND');
    });

    it.each([
      ['zero minutes', { minutes: 0 }],
      ['more than a day', { minutes: 1441 }],
      ['no reason', { reason: '   ' }],
      ['a reason over 500 characters', { reason: '长'.repeat(501) }],
      ['an unknown field', { note: 'x' }],
    ])('refuses %s', async (_scenario, change) => {
      const body = { minutes: 30, reason: '补录', occurredAt: '2026-11-30T10:00:00+08:00', ...change };
      expectCode(
        await post(`/people/${tenant.people.volunteer.id}/hours-adjustments`, organiser, body),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('refuses future service, a claim of someone else, and anyone but organisers', async () => {
      const v = await volunteerAccount();
      const body = { minutes: 30, reason: '补录', occurredAt: '2026-12-02T10:00:00+08:00' };
      expectCode(
        await post(`/people/${v.person.id}/hours-adjustments`, organiser, body),
        400,
        'VALIDATION_FAILED',
      );
      const s = await shift();
      const otherClaim = await claim(s.id, (await volunteerAccount()).token);
      expectCode(
        await post(`/people/${v.person.id}/hours-adjustments`, organiser, {
          ...body,
          occurredAt: '2026-11-30T10:00:00+08:00',
          claimId: otherClaim,
        }),
        422,
        'REFERENCE_INVALID',
      );
      expectCode(
        await post(`/people/${v.person.id}/hours-adjustments`, v.token, {
          ...body,
          occurredAt: '2026-11-30T10:00:00+08:00',
        }),
        403,
        'FORBIDDEN',
      );
      expectCode(
        await post(`/people/00000000-0000-4000-8000-000000000000/hours-adjustments`, organiser, {
          ...body,
          occurredAt: '2026-11-30T10:00:00+08:00',
        }),
        404,
        'NOT_FOUND',
      );
    });
  });

  describe('reports', () => {
    // A community of its own, so the numbers are exactly what these tests put in.
    let t: Tenant;
    let bearers: { organiser: string; coordinator: string; volunteer: string };

    beforeAll(async () => {
      clock.set(NOW);
      t = await createTenant(api.em(), 'hours');
      bearers = {
        organiser: await bearerFor(api, t.accounts.organiser.email),
        coordinator: await bearerFor(api, t.accounts.coordinator.email),
        volunteer: await bearerFor(api, t.accounts.volunteer.email),
      };
      // 成员 (the coordinator's organisation): 2 h confirmed by an organiser + 30 min adjustment.
      const morning = await shift({ startsInHours: 2 }, t);
      const memberClaim = await claim(morning.id, bearers.organiser, t.people.member.id);
      // 志愿者 (another organisation): 90 min through the code, 10:30-12:15 on a 10:00-12:00 shift.
      const volunteerClaim = await claim(morning.id, bearers.volunteer);
      // A shift on the night of 30 Nov UTC, which is 1 Dec in Shanghai: counts in December.
      const night = await shift({ startsInHours: -6.5, hours: 1 }, t);
      clock.set(at(morning.startsAt, 30));
      await post(`/shifts/${morning.id}/check-in`, bearers.volunteer, {
        code: checkInCodeAt(morning, clock.now()),
      });
      clock.set(at(morning.endsAt, 15));
      await post(`/shifts/${morning.id}/check-out`, bearers.volunteer, {
        code: checkInCodeAt(morning, clock.now()),
      });
      expect(
        (await post(`/claims/${memberClaim}/attendance`, bearers.organiser, { outcome: 'attended' })).body
          .creditedMinutes,
      ).toBe(120);
      await post(`/people/${t.people.member.id}/hours-adjustments`, bearers.organiser, {
        minutes: 30,
        reason: '活动前布置场地',
        occurredAt: '2026-12-01T09:00:00+08:00',
        claimId: memberClaim,
      });
      // An adjustment in November stays out of December.
      await post(`/people/${t.people.member.id}/hours-adjustments`, bearers.organiser, {
        minutes: 600,
        reason: '十一月补录',
        occurredAt: '2026-11-30T23:00:00+08:00',
      });
      expect(volunteerClaim).toBeDefined();
      // The night shift is placed directly: it began before "now", so no claim rule would allow it.
      await api
        .em()
        .getConnection()
        .execute(
          `INSERT INTO claim (id, community_id, shift_id, person_id, status, source, created_by, starts_at, ends_at, credited_minutes, created_at, updated_at)
         VALUES (gen_random_uuid(), ?, ?, ?, 'completed', 'organiser', ?, ?, ?, 60, now(), now())`,
          [
            t.community.id,
            night.id,
            t.people.volunteer.id,
            t.accounts.organiser.id,
            night.startsAt,
            night.endsAt,
          ],
        );
    });

    it('answers per person as JSON: completed shifts, credited minutes plus adjustments, hours with two decimals', async () => {
      const report = await get(`/hours?${DECEMBER}`, bearers.organiser);
      expect(report.status).toBe(200);
      expect(report.body.period).toEqual({ from: '2026-12-01', to: '2026-12-31', timeZone: 'Asia/Shanghai' });
      expect(report.body.rows).toEqual([
        expect.objectContaining({
          personId: t.people.member.id,
          name: '成员',
          organisations: [t.organisation.name],
          shiftsCompleted: 1,
          creditedMinutes: 120,
          adjustmentMinutes: 30,
          totalMinutes: 150,
          totalHours: 2.5,
        }),
        expect.objectContaining({
          personId: t.people.volunteer.id,
          name: '志愿者',
          organisations: [t.otherOrganisation.name],
          shiftsCompleted: 2,
          creditedMinutes: 150,
          adjustmentMinutes: 0,
          totalHours: 2.5,
        }),
      ]);
      expect(report.body.totals).toMatchObject({
        people: 2,
        shiftsCompleted: 3,
        totalMinutes: 300,
        totalHours: 5,
      });
      const november = await get(`/hours?from=2026-11-01&to=2026-11-30`, bearers.organiser);
      expect(november.body.rows).toEqual([
        expect.objectContaining({ personId: t.people.member.id, shiftsCompleted: 0, totalMinutes: 600 }),
      ]);
    });

    it('answers per organisation: members counted and their hours', async () => {
      const report = await get(`/hours?${DECEMBER}&groupBy=organisation`, bearers.organiser);
      const byName = Object.fromEntries(report.body.rows.map((r: { name: string }) => [r.name, r]));
      expect(byName[t.organisation.name]).toMatchObject({
        kind: 'social_organisation',
        members: 1,
        totalHours: 2.5,
      });
      expect(byName[t.otherOrganisation.name]).toMatchObject({
        members: 1,
        shiftsCompleted: 2,
        totalMinutes: 150,
      });
    });

    it('exports CSV in UTF-8 with a BOM and Chinese headers, which reads back to the same numbers', async () => {
      const response = await get(`/hours?${DECEMBER}&format=csv`, bearers.organiser)
        .buffer(true)
        .parse(binary);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="volunteer-hours_2026-12.csv"; filename*=UTF-8''${encodeURIComponent('志愿服务时长_2026-12.csv')}`,
      );
      const bytes = response.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parseCsv(bytes.toString('utf8').slice(1));
      expect(rows[0]).toEqual([
        '姓名',
        '手机号',
        '所属组织',
        '服务次数',
        '服务时长（小时）',
        '调整时长（小时）',
        '累计时长（小时）',
      ]);
      expect(rows.slice(1)).toEqual([
        ['成员', '', t.organisation.name, '1', '2', '0.5', '2.5'],
        ['志愿者', '', t.otherOrganisation.name, '2', '2.5', '0', '2.5'],
      ]);
    });

    it('exports XLSX with the same headers that exceljs reads back', async () => {
      const response = await get(`/hours?${DECEMBER}&format=xlsx`, bearers.organiser)
        .buffer(true)
        .parse(binary);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(response.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('志愿服务时长_2026-12.xlsx')}`,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.body as Parameters<ExcelJS.Xlsx['load']>[0]);
      const sheet = workbook.getWorksheet('志愿服务时长')!;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
        '姓名',
        '手机号',
        '所属组织',
        '服务次数',
        '服务时长（小时）',
        '调整时长（小时）',
        '累计时长（小时）',
      ]);
      expect(sheet.getRow(2).getCell(1).value).toBe('成员');
      expect(sheet.getRow(2).getCell(7).value).toBe(2.5);
      expect(sheet.rowCount).toBe(3);
      const organisations = await get(
        `/hours?${DECEMBER}&groupBy=organisation&format=xlsx`,
        bearers.organiser,
      )
        .buffer(true)
        .parse(binary);
      expect(organisations.headers['content-disposition']).toContain('organisation-hours_2026-12.xlsx');
    });

    it('shows coordinators only their organisation’s members, and volunteers only themselves', async () => {
      const coordinator = await get(`/hours?${DECEMBER}`, bearers.coordinator);
      expect(coordinator.body.rows.map((r: { personId: string }) => r.personId)).toEqual([
        t.people.member.id,
      ]);
      const coordinatorOrgs = await get(`/hours?${DECEMBER}&groupBy=organisation`, bearers.coordinator);
      expect(coordinatorOrgs.body.rows.map((r: { organisationId: string }) => r.organisationId)).toEqual([
        t.organisation.id,
      ]);
      const volunteer = await get(`/hours?${DECEMBER}`, bearers.volunteer);
      expect(volunteer.body.rows.map((r: { personId: string }) => r.personId)).toEqual([
        t.people.volunteer.id,
      ]);
      expectCode(await get(`/hours?${DECEMBER}&groupBy=organisation`, bearers.volunteer), 403, 'FORBIDDEN');
      expectCode(
        await get(`/people/${t.people.volunteer.id}/hours-adjustments`, bearers.coordinator),
        404,
        'NOT_FOUND',
      );
      const memberTrail = await get(`/people/${t.people.member.id}/hours-adjustments`, bearers.coordinator);
      expect(memberTrail.body.total).toBe(2);
      const otherCommunity = await get(`/hours?${DECEMBER}`, organiser);
      expect(otherCommunity.body.rows.map((r: { personId: string }) => r.personId)).not.toContain(
        t.people.member.id,
      );
    });

    it.each([
      ['a period over 366 days', 'from=2026-01-01&to=2027-01-02'],
      ['to before from', 'from=2026-12-02&to=2026-12-01'],
      ['a day that does not exist', 'from=2026-02-30&to=2026-03-01'],
      ['an unknown format', `${DECEMBER}&format=pdf`],
    ])('refuses %s', async (_scenario, query) => {
      expectCode(await get(`/hours?${query}`, bearers.organiser), 400, 'VALIDATION_FAILED');
    });
  });
});
