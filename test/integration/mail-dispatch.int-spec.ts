import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { Clock, FixedClock, SqlDatabase, SystemClock } from '@linli/platform';
import {
  DEFAULT_DISPATCH,
  FileMailboxTransport,
  OutboxDispatcher,
  SmtpMailTransport,
  type DispatchSettings,
  type MailTransport,
} from '@linli/reminders';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startSmtpSink, SmtpSink } from '../support/smtp-sink';
import { insertDueMail } from '../support/mail-outbox-rows';

/**
 * The dispatcher against a real SMTP server on loopback: 4xx and connection trouble retry with
 * backoff, 5xx fails at once, late outcomes of an expired lease change nothing, and without
 * SMTP_URL messages become .eml files.
 */
const settings: DispatchSettings = {
  ...DEFAULT_DISPATCH,
  from: '"邻里 Linli" <no-reply@linli.local>',
  maxAttempts: 20,
  // Small delays keep the test fast; no assertion depends on time.
  backoff: { baseDelayMs: 5, maxDelayMs: 40 },
  batch: 50,
  leaseSeconds: 30,
};

interface Row {
  id: string;
  status: string;
  attempts: number;
  available_at: Date;
  last_error: string | null;
  sent_at: Date | null;
  lease_until: Date | null;
}

describe('mail dispatcher (real SMTP server)', () => {
  let database: TestDatabase;
  let sqlDatabase: SqlDatabase;
  let db: Client;
  let sink: SmtpSink;

  beforeAll(async () => {
    database = await createTestDatabase();
    sqlDatabase = new SqlDatabase(database.url, 4);
    db = new Client({ connectionString: database.url });
    await db.connect();
  });
  beforeEach(async () => {
    // The dispatcher serves every community: each test starts from an empty outbox.
    await db.query('DELETE FROM mail_outbox');
    sink = await startSmtpSink();
  });
  afterEach(() => sink.close());
  afterAll(async () => {
    await db.end();
    await sqlDatabase.close();
    await database.drop();
  });

  const dispatcher = (transport: MailTransport, clock: Clock = new SystemClock(), overrides = {}) =>
    new OutboxDispatcher(sqlDatabase, transport, { ...settings, ...overrides }, clock);

  async function rows(communityId: string): Promise<Row[]> {
    return (
      await db.query(`SELECT * FROM mail_outbox WHERE community_id = $1 ORDER BY created_at, id`, [
        communityId,
      ])
    ).rows;
  }

  async function drain(target: OutboxDispatcher, communityId: string): Promise<void> {
    for (let round = 0; round < 2000; round++) {
      const open = (await rows(communityId)).filter((r) => r.status === 'pending' || r.status === 'sending');
      if (open.length === 0) return;
      const result = await target.dispatchOnce();
      if (result.claimed === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('did not drain');
  }

  it('the server answers 421 for a while, then accepts: every message arrives once, after backoff', async () => {
    const communityId = randomUUID();
    const queuedAt = new Date(Date.now() - 1000);
    const ids = await insertDueMail(db, { communityId, count: 30, availableAt: queuedAt });
    let refusals = 60;
    sink.replyWith(() => (refusals-- > 0 ? 421 : undefined));
    const transport = new SmtpMailTransport(sink.url, 3);
    try {
      await drain(dispatcher(transport), communityId);
    } finally {
      transport.close();
    }
    const after = await rows(communityId);
    expect(after.every((r) => r.status === 'sent')).toBe(true);
    expect(sink.countsByMessageId().size).toBe(30);
    for (const id of ids) expect(sink.countsByMessageId().get(`<${id}@linli.local>`)).toBe(1);
    const retried = after.filter((r) => r.attempts > 1);
    expect(retried.length).toBeGreaterThan(0);
    for (const row of retried) {
      expect(row.available_at.getTime()).toBeGreaterThan(queuedAt.getTime());
      expect(row.last_error).toContain('421');
    }
    expect(after.every((r) => r.lease_until === null && r.sent_at !== null)).toBe(true);
  });

  it('a 550 fails the message at once, without retry; the others go out', async () => {
    const communityId = randomUUID();
    await insertDueMail(db, {
      communityId,
      count: 3,
      recipient: (i) => (i === 1 ? 'nobody@example.cn' : `ok${i}@example.cn`),
    });
    sink.replyWith((address) => (address === 'nobody@example.cn' ? 550 : undefined));
    const transport = new SmtpMailTransport(sink.url, 2);
    try {
      await drain(dispatcher(transport), communityId);
    } finally {
      transport.close();
    }
    const after = await rows(communityId);
    const failed = after.filter((r) => r.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ attempts: 1 });
    expect(failed[0].last_error).toContain('550');
    expect(after.filter((r) => r.status === 'sent')).toHaveLength(2);
    expect(sink.received).toHaveLength(2);
  });

  it('4xx until the attempts run out: failed, with the reason', async () => {
    const communityId = randomUUID();
    await insertDueMail(db, { communityId, count: 1 });
    sink.replyWith(() => 451);
    const transport = new SmtpMailTransport(sink.url, 1);
    try {
      await drain(dispatcher(transport, new SystemClock(), { maxAttempts: 3 }), communityId);
    } finally {
      transport.close();
    }
    const [row] = await rows(communityId);
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(row.last_error).toMatch(/gave up after 3 attempts: .*451/);
  });

  it('connection refused (no server) is retried, not failed', async () => {
    const communityId = randomUUID();
    await insertDueMail(db, { communityId, count: 1 });
    const closed = await startSmtpSink();
    await closed.close();
    const transport = new SmtpMailTransport(closed.url, 1);
    try {
      await dispatcher(transport).dispatchOnce();
    } finally {
      transport.close();
    }
    const [row] = await rows(communityId);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.last_error).toMatch(/ECONNECTION|ECONNREFUSED/);
  });

  it("a lease that ran out: the row is claimed again, and the first worker's late result changes nothing", async () => {
    const communityId = randomUUID();
    const now = new Date();
    await insertDueMail(db, { communityId, count: 1, availableAt: new Date(now.getTime() - 1000) });
    const clock = new FixedClock(now);
    let releaseFirst!: () => void;
    const sent: string[] = [];
    const slow: MailTransport = {
      name: 'smtp',
      send: async (mail) => {
        sent.push(`slow ${mail.messageId}`);
        await new Promise<void>((resolve) => (releaseFirst = resolve));
        throw Object.assign(new Error('try later'), { responseCode: 421 });
      },
      close: () => undefined,
    };
    const quick: MailTransport = {
      name: 'smtp',
      send: async (mail) => void sent.push(`quick ${mail.messageId}`),
      close: () => undefined,
    };
    const first = dispatcher(slow, clock, { leaseSeconds: 10 }).dispatchOnce();
    await new Promise((resolve) => setTimeout(resolve, 200));
    clock.advance(11_000);
    const second = await dispatcher(quick, clock).dispatchOnce();
    expect(second).toMatchObject({ claimed: 1, sent: 1 });
    releaseFirst();
    expect(await first).toMatchObject({ claimed: 1, retried: 0, lost: 1 });
    const [row] = await rows(communityId);
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sent[0].slice(5)).toBe(sent[1].slice(6)); // the same Message-ID both times
  });

  it('without SMTP_URL: each message becomes an .eml file with text, HTML and the iTIP invite', async () => {
    const communityId = randomUUID();
    const [id] = await insertDueMail(db, { communityId, count: 1, ics: true });
    const dataDir = mkdtempSync(join(tmpdir(), 'linli-mailbox-'));
    try {
      const result = await dispatcher(new FileMailboxTransport(join(dataDir, 'mail'))).dispatchOnce();
      expect(result).toMatchObject({ claimed: 1, sent: 1 });
      const file = join(dataDir, 'mail', `${communityId}.${id}.eml`);
      expect(existsSync(file)).toBe(true);
      const eml = readFileSync(file, 'utf8');
      expect(eml).toContain(`Message-ID: <${id}@linli.local>`);
      expect(eml).toContain('Content-Type: text/plain');
      expect(eml).toContain('Content-Type: text/html');
      expect(eml).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
      expect(eml).toContain(`X-Linli-Community: ${communityId}`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
