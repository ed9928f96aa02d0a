import { randomBytes, randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import ICAL from 'ical.js';
import { Client } from 'pg';
import { createTenant, Tenant } from '@linli/identity/testing';
import { createPerson, createShift, makeShift } from '@linli/volunteering/testing';
import { shiftCalendarUid, VOLUNTEERING_EVENTS } from '@linli/volunteering';
import { CalendarInvitesModule, INVITE_CONSUMER, InviteProjector, lintIcs } from '@linli/calendar';
import { eventPayload, FixedClock } from '@linli/platform';
import { startTestApi, TestApi } from '../../support/test-api';
import { bearerFor } from '../../support/auth';

const NOW = new Date('2026-12-01T00:00:00Z');
const MAIL_FROM = '"城南社区 志愿服务" <volunteers@chengnan.example.cn>';
const HOUR = 3_600_000;

// No planners named: volunteering's ShiftInvitePlanner (@InvitePlannerProvider()) is found in the API's modules.
@Module({ imports: [CalendarInvitesModule.register()] })
class InvitesUnderTest {}

interface MailRow {
  community_id: string;
  kind: string;
  person_id: string;
  recipient_email: string;
  language: string;
  subject: string;
  text_body: string;
  ics: string;
  ics_method: string;
  dedupe_key: string;
  status: string;
}

/**
 * Invites by email: confirmations, moves and removals become iTIP messages (RFC 5546) in
 * mail_outbox, once each, whichever worker projects them and however often.
 */
describe('invites by email (iTIP in mail_outbox)', () => {
  let api: TestApi;
  let tenant: Tenant;
  let organiser: string;
  let projector: InviteProjector;
  const clock = new FixedClock(NOW);

  beforeAll(async () => {
    api = await startTestApi({ clock, extraModules: [InvitesUnderTest], config: { MAIL_FROM } });
    tenant = await createTenant(api.em());
    organiser = await bearerFor(api, tenant.accounts.organiser.email);
    projector = api.app.get(InviteProjector, { strict: false });
  });
  afterAll(() => api.close());

  const shift = (overrides: Parameters<typeof makeShift>[2] = {}) =>
    createShift(api.em(), tenant.community.id, { now: NOW, ...overrides });

  async function person(overrides: { email?: string | null; languages?: string[] } = {}) {
    const email =
      overrides.email === undefined ? `v-${randomBytes(4).toString('hex')}@example.cn` : overrides.email;
    return createPerson(api.em(), tenant.community, {
      ...(email ? { email } : {}),
      ...(overrides.languages ? { languages: overrides.languages } : {}),
    });
  }

  async function place(shiftId: string, personId: string): Promise<{ id: string; status: string }> {
    const response = await api.http
      .post(`/api/v1/shifts/${shiftId}/claims`)
      .set('authorization', organiser)
      .send({ personId });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function post(path: string, body: object = {}) {
    const response = await api.http.post(path).set('authorization', organiser).send(body);
    expect(response.status).toBe(200);
    return response.body;
  }

  /** Projects until the backlog is empty, as the worker tick does. */
  async function project() {
    for (let i = 0; i < 20; i++) {
      const result = await projector.projectOnce();
      if (result.read === 0) return;
    }
  }

  const mails = (personId: string) =>
    api
      .em()
      .getConnection()
      .execute<MailRow[]>(`SELECT * FROM mail_outbox WHERE person_id = ? ORDER BY created_at, dedupe_key`, [
        personId,
      ]);

  function vevent(ics: string) {
    expect(lintIcs(ics)).toEqual([]);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const event = calendar.getFirstSubcomponent('vevent')!;
    return {
      method: calendar.getFirstPropertyValue('method'),
      uid: event.getFirstPropertyValue('uid'),
      sequence: event.getFirstPropertyValue('sequence'),
      status: event.getFirstPropertyValue('status'),
      start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate(),
      attendee: event.getFirstPropertyValue('attendee'),
      summary: event.getFirstPropertyValue('summary'),
      organizer: event.getFirstPropertyValue('organizer'),
      organizerName: event.getFirstProperty('organizer')?.getParameter('cn'),
    };
  }

  it('confirmed, moved, removed: REQUEST at the version, REQUEST with a higher SEQUENCE, CANCEL', async () => {
    const s = await shift({ startsInHours: 48 });
    const p = await person();
    clock.set(NOW);
    const claim = await place(s.id, p.id);
    await project();
    let rows = await mails(p.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      community_id: tenant.community.id,
      kind: 'shift_invite',
      recipient_email: p.email,
      language: 'zh-CN',
      ics_method: 'REQUEST',
      status: 'pending',
    });
    expect(rows[0].subject).toContain('志愿服务确认');
    expect(rows[0].subject).toContain(s.title);
    expect(vevent(rows[0].ics)).toMatchObject({
      method: 'REQUEST',
      uid: shiftCalendarUid(s.id),
      sequence: 1,
      status: 'CONFIRMED',
      start: s.startsAt,
      attendee: `mailto:${p.email}`,
    });

    clock.set(new Date(NOW.getTime() + 60_000));
    const movedTo = new Date(s.startsAt.getTime() + 3 * HOUR);
    const moved = await api.http
      .patch(`/api/v1/shifts/${s.id}`)
      .set('authorization', organiser)
      .send({
        startsAt: movedTo.toISOString(),
        endsAt: new Date(movedTo.getTime() + 2 * HOUR).toISOString(),
      });
    expect([moved.status, moved.body.version]).toEqual([200, 2]);
    await project();
    rows = await mails(p.id);
    expect(rows).toHaveLength(2);
    expect(rows[1].subject).toContain('志愿服务变更');
    expect(vevent(rows[1].ics)).toMatchObject({ method: 'REQUEST', sequence: 2, start: movedTo });

    clock.set(new Date(NOW.getTime() + 120_000));
    await post(`/api/v1/claims/${claim.id}/cancel`);
    await project();
    rows = await mails(p.id);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatchObject({ kind: 'shift_cancel', ics_method: 'CANCEL' });
    expect(vevent(rows[2].ics)).toMatchObject({
      method: 'CANCEL',
      uid: shiftCalendarUid(s.id),
      sequence: 3,
      status: 'CANCELLED',
    });

    // Projecting again changes nothing.
    await projector.projectOnce();
    expect(await mails(p.id)).toHaveLength(3);
  });

  // Issue 10, item 12: a new title is a change people's calendars must hear of (the feed bumps
  // SEQUENCE for it), and invites come from the address mail comes from (RFC 6047: ORGANIZER is
  // the sender), not from a made-up one.
  it('a title change sends an updated invite; ORGANIZER is the MAIL_FROM sender', async () => {
    const s = await shift({ startsInHours: 72 });
    const p = await person();
    clock.set(NOW);
    await place(s.id, p.id);
    await project();
    let rows = await mails(p.id);
    expect(rows).toHaveLength(1);
    expect(vevent(rows[0].ics)).toMatchObject({
      organizer: 'mailto:volunteers@chengnan.example.cn',
      organizerName: '城南社区 志愿服务',
    });

    clock.set(new Date(NOW.getTime() + 60_000));
    const renamed = await api.http
      .patch(`/api/v1/shifts/${s.id}`)
      .set('authorization', organiser)
      .send({ title: '图书室值班（改为亲子阅读）' });
    expect([renamed.status, renamed.body.version]).toEqual([200, 2]);
    await project();
    rows = await mails(p.id);
    expect(rows).toHaveLength(2);
    expect(rows[1].subject).toContain('志愿服务变更');
    expect(vevent(rows[1].ics)).toMatchObject({
      method: 'REQUEST',
      sequence: 2,
      summary: '图书室值班（改为亲子阅读）',
      start: s.startsAt,
      organizer: 'mailto:volunteers@chengnan.example.cn',
    });
  });

  it('the waitlist gets nothing until promoted; a cancelled shift sends CANCEL only to people invited', async () => {
    const s = await shift({ startsInHours: 60, capacity: 1 });
    const [first, second, third] = [await person(), await person(), await person()];
    const firstClaim = await place(s.id, first.id);
    expect((await place(s.id, second.id)).status).toBe('waitlisted');
    await project();
    expect(await mails(first.id)).toHaveLength(1);
    expect(await mails(second.id)).toHaveLength(0);

    await post(`/api/v1/claims/${firstClaim.id}/cancel`); // second is promoted
    expect((await place(s.id, third.id)).status).toBe('waitlisted');
    await project();
    expect((await mails(first.id)).map((m) => m.ics_method)).toEqual(['REQUEST', 'CANCEL']);
    const promoted = await mails(second.id);
    expect(promoted.map((m) => m.kind)).toEqual(['shift_invite']);
    expect(vevent(promoted[0].ics)).toMatchObject({ method: 'REQUEST', sequence: 1 });

    await post(`/api/v1/shifts/${s.id}/cancel`, { reason: '活动取消' });
    await project();
    const cancelled = await mails(second.id);
    expect(cancelled.map((m) => m.ics_method)).toEqual(['REQUEST', 'CANCEL']);
    expect(vevent(cancelled[1].ics)).toMatchObject({ method: 'CANCEL', sequence: 2, status: 'CANCELLED' });
    expect(await mails(third.id)).toHaveLength(0);
    expect(await mails(first.id)).toHaveLength(2);
  });

  it('people without an email address get nothing; an account’s login address is used when the person has none', async () => {
    const s = await shift({ startsInHours: 72 });
    const noEmail = await person({ email: null });
    await place(s.id, noEmail.id);
    await place(s.id, tenant.people.volunteer.id);
    await project();
    expect(await mails(noEmail.id)).toHaveLength(0);
    expect((await mails(tenant.people.volunteer.id)).map((m) => m.recipient_email)).toContain(
      tenant.accounts.volunteer.email,
    );
  });

  it('in English when the person’s first language is English', async () => {
    const s = await shift({ startsInHours: 80 });
    const p = await person({ languages: ['en', 'zh-CN'] });
    await place(s.id, p.id);
    await project();
    const [mail] = await mails(p.id);
    expect(mail.language).toBe('en');
    expect(mail.subject).toMatch(/^\[Linli\] Volunteering confirmed: /);
  });

  it('concurrent projectors queue each invite once', async () => {
    const people = [];
    for (let i = 0; i < 6; i++) {
      const s = await shift({ startsInHours: 100 + i * 30 });
      const p = await person();
      await place(s.id, p.id);
      people.push(p);
    }
    const results = await Promise.all([1, 2, 3, 4].map(() => projector.projectOnce()));
    expect(results.some((r) => r.claimed)).toBe(true);
    await project();
    for (const p of people) expect(await mails(p.id)).toHaveLength(1);
    const [{ duplicates }] = await api
      .em()
      .getConnection()
      .execute(
        `SELECT count(*)::int AS duplicates FROM (SELECT dedupe_key FROM mail_outbox GROUP BY dedupe_key HAVING count(*) > 1) d`,
      );
    expect(duplicates).toBe(0);
  });

  it('an event that commits after later ones is still projected (ids are taken before commit)', async () => {
    await project();
    const [early, late] = [await shift({ startsInHours: 300 }), await shift({ startsInHours: 330 })];
    const [slow, quick] = [await person(), await person()];
    const client = new Client({ connectionString: api.database.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      // A transaction takes its event id now but commits only after a later event is projected.
      await client.query(
        `INSERT INTO outbox_event (community_id, type, aggregate_id, version, payload, occurred_at)
         VALUES ($1, 'ClaimConfirmed', $2, 1, $3, $4)`,
        [
          tenant.community.id,
          early.id,
          JSON.stringify(
            eventPayload(VOLUNTEERING_EVENTS, 'ClaimConfirmed', {
              shiftId: early.id,
              title: early.title,
              startsAt: early.startsAt.toISOString(),
              endsAt: early.endsAt.toISOString(),
              timeZone: early.timeZone,
              locationText: early.locationText ?? null,
              status: 'open',
              claimId: randomUUID(),
              personId: slow.id,
            }),
          ),
          NOW,
        ],
      );
      await place(late.id, quick.id);
      await project();
      expect(await mails(quick.id)).toHaveLength(1);
      expect(await mails(slow.id)).toHaveLength(0);
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    await project();
    expect((await mails(slow.id)).map((m) => m.ics_method)).toEqual(['REQUEST']);
  });

  it('parks an event whose payload volunteering’s schema refuses, and goes on with the next ones', async () => {
    await project();
    const s = await shift({ startsInHours: 400 });
    const [garbled, fine] = [await person(), await person()];
    const client = new Client({ connectionString: api.database.url });
    await client.connect();
    let parkedId: string;
    try {
      // A publisher bug: the person's id under another name.
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO outbox_event (community_id, type, aggregate_id, version, payload, occurred_at)
         VALUES ($1, 'ClaimConfirmed', $2, 1, $3, $4) RETURNING id::text AS id`,
        [
          tenant.community.id,
          s.id,
          JSON.stringify({
            shiftId: s.id,
            title: s.title,
            startsAt: s.startsAt.toISOString(),
            endsAt: s.endsAt.toISOString(),
            timeZone: s.timeZone,
            locationText: null,
            status: 'open',
            claimId: randomUUID(),
            person_id: garbled.id,
          }),
          NOW,
        ],
      );
      parkedId = rows[0].id;
      await place(s.id, fine.id);
      await project();
      const parked = await client.query(
        `SELECT event_id::text AS event_id, type, reason FROM parked_event WHERE consumer = $1`,
        [INVITE_CONSUMER],
      );
      expect(parked.rows).toEqual([
        { event_id: parkedId, type: 'ClaimConfirmed', reason: expect.stringContaining('personId') },
      ]);
    } finally {
      await client.end();
    }
    expect(await mails(garbled.id)).toHaveLength(0);
    expect((await mails(fine.id)).map((m) => m.ics_method)).toEqual(['REQUEST']);
    // The cursor went past it: projecting again neither retries nor parks it twice.
    expect((await projector.projectOnce()).parked).toBe(0);
  });
});
