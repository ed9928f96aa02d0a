import { randomBytes } from 'node:crypto';
import { createTenant, Tenant } from '@linli/identity/testing';
import { createPerson, createShift, makeShift } from '@linli/volunteering/testing';
import { FixedClock } from '@linli/platform';
import {
  OrganiserDigestTick,
  ReminderPreferencesService,
  ReminderProjector,
  RemindersModule,
  ReservationReleaseNoticeTick,
} from '@linli/reminders';
import { startTestApi, TestApi } from '../../support/test-api';
import { bearerFor } from '../../support/auth';

// 08:00 in Shanghai.
const NOW = new Date('2026-12-01T00:00:00Z');
const HOUR = 3_600_000;

interface MailRow {
  kind: string;
  person_id: string | null;
  shift_id: string | null;
  language: string;
  subject: string;
  text_body: string;
  dedupe_key: string;
  status: string;
  available_at: Date;
  essential: boolean;
}

/** Shift events become reminders in mail_outbox at the right instants, once each. */
describe('reminders (scheduling into mail_outbox)', () => {
  let api: TestApi;
  let tenant: Tenant;
  let organiser: string;
  let projector: ReminderProjector;
  const clock = new FixedClock(NOW);

  beforeAll(async () => {
    api = await startTestApi({ clock, extraModules: [RemindersModule] });
    tenant = await createTenant(api.em());
    organiser = await bearerFor(api, tenant.accounts.organiser.email);
    projector = api.app.get(ReminderProjector, { strict: false });
  });
  afterAll(() => api.close());

  const shift = (overrides: Parameters<typeof makeShift>[2] = {}) =>
    createShift(api.em(), tenant.community.id, { now: NOW, ...overrides });

  const person = (languages?: string[]) =>
    createPerson(api.em(), tenant.community, {
      email: `v-${randomBytes(4).toString('hex')}@example.cn`,
      ...(languages ? { languages } : {}),
    });

  async function place(shiftId: string, personId: string): Promise<{ id: string; status: string }> {
    const response = await api.http
      .post(`/api/v1/shifts/${shiftId}/claims`)
      .set('authorization', organiser)
      .send({ personId });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function project() {
    for (let i = 0; i < 20; i++) if ((await projector.projectOnce()).read === 0) return;
  }

  const mails = (personId: string) =>
    api
      .em()
      .getConnection()
      .execute<MailRow[]>(
        `SELECT * FROM mail_outbox WHERE person_id = ? AND kind <> 'shift_invite' AND kind <> 'shift_cancel'
          ORDER BY available_at, dedupe_key`,
        [personId],
      );
  const due = (rows: MailRow[], status = 'pending') =>
    rows.filter((r) => r.status === status).map((r) => new Date(r.available_at).toISOString());

  it('a confirmed person gets 24 h and 2 h reminders in their language, a 23:00 one moved to 07:00', async () => {
    // Starts 2026-12-03 01:00 Shanghai: 24 h before is 01:00 (quiet → 07:00), 2 h before 23:00 (quiet → 07:00 too: one).
    const late = await shift({ startsInHours: 41, title: '夜间巡逻' });
    // Starts 2026-12-02 09:00 Shanghai: 24 h before is 09:00 today, 2 h before 07:00.
    const morning = await shift({ startsInHours: 25, title: 'Market setup' });
    const zh = await person();
    const en = await person(['en-GB', 'zh-CN']);
    await place(morning.id, zh.id);
    await place(morning.id, en.id);
    await place(late.id, zh.id);
    await project();

    const zhRows = await mails(zh.id);
    const enRows = await mails(en.id);
    expect(due(enRows)).toEqual(['2026-12-01T01:00:00.000Z', '2026-12-01T23:00:00.000Z']);
    expect(enRows.every((r) => r.language === 'en' && r.subject === 'Reminder: Market setup')).toBe(true);
    expect(enRows[0].text_body).toContain('/shifts/' + morning.id);
    expect(enRows[0].text_body).toContain('/api/v1/reminders/unsubscribe?token=');
    expect(enRows[0].essential).toBe(false);
    expect(enRows[0].text_body).toContain('09:00');

    const lateRows = zhRows.filter((r) => r.shift_id === late.id);
    // Both fall in quiet hours; moved to 07:00 on 12-02 (23:00Z 12-01) and 07:00 on 12-02 too: one reminder.
    expect(due(lateRows)).toEqual(['2026-12-01T23:00:00.000Z']);
    expect(lateRows[0].language).toBe('zh-CN');
    expect(lateRows[0].subject).toBe('志愿服务提醒：夜间巡逻');

    // Projecting again changes nothing.
    await project();
    expect(await mails(zh.id)).toHaveLength(zhRows.length);
  });

  it('moving a shift cancels its pending reminders and schedules new ones at the new version', async () => {
    const s = await shift({ startsInHours: 50 });
    const p = await person();
    await place(s.id, p.id);
    await project();
    const before = due(await mails(p.id));
    expect(before).toHaveLength(2);

    const movedTo = new Date(s.startsAt.getTime() + 3 * HOUR);
    const moved = await api.http
      .patch(`/api/v1/shifts/${s.id}`)
      .set('authorization', organiser)
      .send({
        startsAt: movedTo.toISOString(),
        endsAt: new Date(movedTo.getTime() + 2 * HOUR).toISOString(),
      });
    expect(moved.status).toBe(200);
    await project();
    const rows = await mails(p.id);
    expect(due(rows, 'cancelled')).toEqual(before);
    expect(due(rows)).toEqual(before.map((d) => new Date(Date.parse(d) + 3 * HOUR).toISOString()));
    expect(rows.filter((r) => r.status === 'pending').every((r) => r.dedupe_key.includes(':2:'))).toBe(true);
  });

  it('cancelling a claim, or the shift, cancels the pending reminders', async () => {
    const s = await shift({ startsInHours: 60 });
    const a = await person();
    const b = await person();
    const claimA = await place(s.id, a.id);
    await place(s.id, b.id);
    await project();
    expect(due(await mails(a.id))).toHaveLength(2);

    const cancelled = await api.http
      .post(`/api/v1/claims/${claimA.id}/cancel`)
      .set('authorization', organiser)
      .send({});
    expect([200, 201]).toContain(cancelled.status);
    await project();
    expect(due(await mails(a.id))).toEqual([]);
    expect(due(await mails(b.id))).toHaveLength(2);

    const cancelShift = await api.http
      .post(`/api/v1/shifts/${s.id}/cancel`)
      .set('authorization', organiser)
      .send({ reason: '天气' });
    expect([200, 201]).toContain(cancelShift.status);
    await project();
    expect(due(await mails(b.id))).toEqual([]);
    expect(due(await mails(b.id), 'cancelled')).toHaveLength(2);
  });

  it('a waitlist promotion sends one notice (projecting twice: still one)', async () => {
    const s = await shift({ startsInHours: 70, capacity: 1 });
    const first = await person();
    const waiting = await person(['en']);
    const taken = await place(s.id, first.id);
    const queued = await place(s.id, waiting.id);
    expect(queued.status).toBe('waitlisted');
    const cancelled = await api.http
      .post(`/api/v1/claims/${taken.id}/cancel`)
      .set('authorization', organiser)
      .send({});
    expect([200, 201]).toContain(cancelled.status);
    await project();
    await project();
    const notices = (await mails(waiting.id)).filter((r) => r.kind === 'waitlist_promoted');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ essential: true, language: 'en', status: 'pending' });
    expect(notices[0].text_body).not.toContain('unsubscribe');
    expect(due(await mails(waiting.id)).length).toBeGreaterThanOrEqual(2);
  });

  it('an unsubscribed kind is not scheduled; the signed link unsubscribes', async () => {
    const p = await person();
    const service = api.app.get(ReminderPreferencesService, { strict: false });
    const bad = await api.http.get('/api/v1/reminders/unsubscribe?token=forged.token-value');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('UNSUBSCRIBE_TOKEN_INVALID');
    const token = service.tokenFor(tenant.community.id, p.id, 'shift_reminder');
    const ok = await api.http.get(`/api/v1/reminders/unsubscribe?token=${encodeURIComponent(token)}`);
    expect(ok.status).toBe(200);
    const s = await shift({ startsInHours: 80 });
    await place(s.id, p.id);
    await project();
    expect(await mails(p.id)).toEqual([]);
  });

  // Issue 10, item 13: unsubscribing by the link is a change of preferences too.
  it('the unsubscribe link withdraws the reminders already queued', async () => {
    const p = await person();
    const s = await shift({ startsInHours: 60 });
    await place(s.id, p.id);
    await project();
    const queued = due(await mails(p.id));
    expect(queued).toHaveLength(2);
    const service = api.app.get(ReminderPreferencesService, { strict: false });
    const token = service.tokenFor(tenant.community.id, p.id, 'shift_reminder');
    expect(
      (await api.http.get(`/api/v1/reminders/unsubscribe?token=${encodeURIComponent(token)}`)).status,
    ).toBe(200);
    const rows = await mails(p.id);
    expect(due(rows)).toEqual([]);
    expect(due(rows, 'cancelled')).toEqual(queued);
  });

  it('preferences: volunteers edit their own, bounded', async () => {
    const volunteer = await bearerFor(api, tenant.accounts.volunteer.email);
    const get = await api.http.get('/api/v1/me/reminder-preferences').set('authorization', volunteer);
    expect(get.status).toBe(200);
    expect(get.body).toEqual({
      offsetsMinutes: [1440, 120],
      quietStart: '22:00',
      quietEnd: '07:00',
      unsubscribedKinds: [],
    });
    const tooMany = await api.http
      .put('/api/v1/me/reminder-preferences')
      .set('authorization', volunteer)
      .send({ offsetsMinutes: [10, 20, 30, 40, 50, 60] });
    expect(tooMany.status).toBe(400);
    const badTime = await api.http
      .put('/api/v1/me/reminder-preferences')
      .set('authorization', volunteer)
      .send({ quietStart: '24:00' });
    expect(badTime.status).toBe(400);
    const put = await api.http
      .put('/api/v1/me/reminder-preferences')
      .set('authorization', volunteer)
      .send({ offsetsMinutes: [60, 2880], quietStart: '23:00' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ offsetsMinutes: [2880, 60], quietStart: '23:00', quietEnd: '07:00' });

    const settings = await api.http
      .put('/api/v1/reminder-settings')
      .set('authorization', volunteer)
      .send({ digestTime: '19:00' });
    expect(settings.status).toBe(403);
  });

  // Issue 10, item 13: preferences apply to reminders already queued, not only to later ones.
  it('changing preferences re-plans the queued reminders (new offsets, or none when unsubscribed)', async () => {
    const volunteer = await bearerFor(api, tenant.accounts.volunteer.email);
    const prefer = async (body: object) => {
      const response = await api.http
        .put('/api/v1/me/reminder-preferences')
        .set('authorization', volunteer)
        .send(body);
      expect(response.status).toBe(200);
    };
    await prefer({
      offsetsMinutes: [1440, 120],
      quietStart: '22:00',
      quietEnd: '07:00',
      unsubscribedKinds: [],
    });
    // Starts 2026-12-03 10:00 Shanghai (02:00Z).
    const s = await shift({ startsInHours: 50, title: '图书室值班' });
    const p = tenant.people.volunteer;
    await place(s.id, p.id);
    await project();
    const onShift = async () => (await mails(p.id)).filter((r) => r.shift_id === s.id);
    const before = due(await onShift());
    expect(before).toEqual(['2026-12-02T02:00:00.000Z', '2026-12-03T00:00:00.000Z']);

    await prefer({ offsetsMinutes: [180] });
    const rows = await onShift();
    expect(due(rows)).toEqual(['2026-12-02T23:00:00.000Z']);
    expect(due(rows, 'cancelled')).toEqual(before);
    expect(rows.find((r) => r.status === 'pending')!.subject).toContain('图书室值班');

    // The projector, meeting the claim's events again, does not bring the old times back.
    await project();
    expect(due(await onShift())).toEqual(['2026-12-02T23:00:00.000Z']);

    // Quiet hours are re-planned too: 07:00 Shanghai falls in a quiet 06:00-08:00, moved to 08:00.
    await prefer({ quietStart: '06:00', quietEnd: '08:00' });
    expect(due(await onShift())).toEqual(['2026-12-03T00:00:00.000Z']);

    await prefer({ unsubscribedKinds: ['shift_reminder'] });
    expect(due(await onShift())).toEqual([]);
    await prefer({
      unsubscribedKinds: [],
      quietStart: '22:00',
      quietEnd: '07:00',
      offsetsMinutes: [1440, 120],
    });
    expect(due(await onShift())).toEqual(before);
  });

  it("organisers' digest once a day after the digest time; coordinators' release notice once", async () => {
    const other = await createTenant(api.em());
    const bearer = await bearerFor(api, other.accounts.organiser.email);
    const em = api.em();
    // Tomorrow 10:00 Shanghai, unfilled, with 2 places reserved for the organisation.
    const s = makeShift(em, other.community.id, {
      now: NOW,
      startsInHours: 26,
      title: '明日义诊',
      capacity: 4,
    });
    await em.flush();
    const reserved = await api.http
      .post(`/api/v1/shifts/${s.id}/reservations`)
      .set('authorization', bearer)
      .send({ organisationId: other.organisation.id, places: 2 });
    expect(reserved.status).toBe(201);
    const rows = (kind: string) =>
      api
        .em()
        .getConnection()
        .execute<MailRow[]>(`SELECT * FROM mail_outbox WHERE community_id = ? AND kind = ?`, [
          other.community.id,
          kind,
        ]);

    // Release is 24 h before the start (02:00Z today); the notice goes 2 h before, once.
    const notices = api.app.get(ReservationReleaseNoticeTick, { strict: false });
    clock.set(new Date('2026-11-30T23:00:00Z'));
    await notices.runOnce();
    expect(await rows('reservation_release')).toHaveLength(0);
    clock.set(new Date('2026-12-01T00:30:00Z'));
    await notices.runOnce();
    await notices.runOnce();
    const released = await rows('reservation_release');
    expect(released).toHaveLength(1);
    expect(released[0].text_body).toContain('2');

    const digest = api.app.get(OrganiserDigestTick, { strict: false });
    clock.set(new Date('2026-12-01T09:59:00Z')); // 17:59 local: before the default 18:00
    await digest.runOnce();
    expect(await rows('organiser_digest')).toHaveLength(0);
    clock.set(new Date('2026-12-01T10:05:00Z'));
    await digest.runOnce();
    clock.set(new Date('2026-12-01T15:00:00Z')); // 23:00 local, same day: no second digest
    await digest.runOnce();
    const digests = await rows('organiser_digest');
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toContain('2026-12-02');
    expect(digests[0].text_body).toContain('明日义诊');
    expect(digests[0].text_body).toContain('2 个名额未分配');
    expect(digests[0].text_body).toMatch(/缺 4 人/);
    clock.set(NOW);
  });
});
