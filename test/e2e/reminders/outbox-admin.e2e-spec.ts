import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createTenant, Tenant } from '@linli/identity/testing';
import { DispatchModule, OutboxDispatcher } from '@linli/reminders';
import { startTestApi, TestApi } from '../../support/test-api';
import { bearerFor } from '../../support/auth';
import { insertDueMail } from '../../support/mail-outbox-rows';

/** Organisers see their community's outbox and dev mailbox, and retry a failed message. */
describe('outbox admin and dev mailbox (HTTP)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-outbox-'));
  let api: TestApi;
  let pool: Pool;
  let tenant: Tenant;
  let other: Tenant;
  let organiser: string;
  let volunteer: string;
  let otherOrganiser: string;

  beforeAll(async () => {
    api = await startTestApi({ config: { DATA_DIR: dataDir }, extraModules: [DispatchModule] });
    pool = new Pool({ connectionString: api.database.url, max: 2 });
    tenant = await createTenant(api.em());
    other = await createTenant(api.em());
    organiser = await bearerFor(api, tenant.accounts.organiser.email);
    volunteer = await bearerFor(api, tenant.accounts.volunteer.email);
    otherOrganiser = await bearerFor(api, other.accounts.organiser.email);
  });
  afterAll(async () => {
    await pool.end();
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('without SMTP_URL the dispatcher writes .eml files; organisers list them newest first and read the raw message', async () => {
    const [id] = await insertDueMail(pool, { communityId: tenant.community.id, count: 2, ics: true });
    const result = await api.app.get(OutboxDispatcher, { strict: false }).dispatchOnce();
    expect(result).toMatchObject({ sent: 2 });

    const list = await api.http.get('/api/v1/dev/mailbox').set('authorization', organiser);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items[0]).toMatchObject({
      subject: expect.stringContaining('明天的班次提醒'),
      to: expect.stringMatching(/volunteer\d@example\.cn/),
      path: expect.stringMatching(/^mail\/.+\.eml$/),
      kind: 'shift_reminder',
    });

    const raw = await api.http.get(`/api/v1/dev/mailbox/${id}`).set('authorization', organiser);
    expect(raw.status).toBe(200);
    expect(raw.headers['content-type']).toMatch(/^text\/plain/);
    expect(raw.text).toContain(`Message-ID: <${id}@linli.local>`);
    expect(raw.text).toMatch(/method=REQUEST/i);

    // Another community sees none of it; volunteers may not look.
    const foreign = await api.http.get('/api/v1/dev/mailbox').set('authorization', otherOrganiser);
    expect(foreign.body.total).toBe(0);
    expect(
      (await api.http.get(`/api/v1/dev/mailbox/${id}`).set('authorization', otherOrganiser)).status,
    ).toBe(404);
    expect((await api.http.get('/api/v1/dev/mailbox').set('authorization', volunteer)).status).toBe(403);
  });

  it('the outbox lists due, sent and failed messages with the reason; a failed one can be retried', async () => {
    const [failedId] = await insertDueMail(pool, {
      communityId: tenant.community.id,
      count: 1,
      kind: 'digest',
    });
    await pool.query(
      `UPDATE mail_outbox SET status = 'failed', attempts = 1, last_error = 'EENVELOPE 550: no such user' WHERE id = $1`,
      [failedId],
    );
    await insertDueMail(pool, {
      communityId: tenant.community.id,
      count: 1,
      availableAt: new Date(Date.now() + 3_600_000),
    });

    const failed = await api.http.get('/api/v1/outbox?status=failed').set('authorization', organiser);
    expect(failed.status).toBe(200);
    expect(failed.body.total).toBe(1);
    expect(failed.body.items[0]).toMatchObject({
      id: failedId,
      status: 'failed',
      kind: 'digest',
      attempts: 1,
      lastError: 'EENVELOPE 550: no such user',
    });
    const sent = await api.http
      .get('/api/v1/outbox?status=sent&kind=shift_reminder')
      .set('authorization', organiser);
    expect(sent.body.total).toBe(2);
    expect(sent.body.items[0].sentAt).toEqual(expect.any(String));
    const pending = await api.http.get('/api/v1/outbox?status=pending').set('authorization', organiser);
    expect(pending.body.total).toBe(1);
    expect((await api.http.get('/api/v1/outbox').set('authorization', otherOrganiser)).body.total).toBe(0);
    expect((await api.http.get('/api/v1/outbox').set('authorization', volunteer)).status).toBe(403);

    const retried = await api.http.post(`/api/v1/outbox/${failedId}/retry`).set('authorization', organiser);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: failedId, status: 'pending', attempts: 0 });
    expect(new Date(retried.body.availableAt).getTime()).toBeLessThanOrEqual(Date.now());

    // Only failed messages; only one's own community.
    const again = await api.http.post(`/api/v1/outbox/${failedId}/retry`).set('authorization', organiser);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONFLICT');
    const foreign = await api.http
      .post(`/api/v1/outbox/${failedId}/retry`)
      .set('authorization', otherOrganiser);
    expect(foreign.status).toBe(404);

    const result = await api.app.get(OutboxDispatcher, { strict: false }).dispatchOnce();
    expect(result).toMatchObject({ claimed: 1, sent: 1 });
  });
});
