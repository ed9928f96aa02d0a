import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  Clock,
  FixedClock,
  SqlDatabase,
  SystemClock,
  type Sql,
  type SqlTransactionOptions,
} from '@linli/platform';
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
 * SMTP_URL messages become .eml files. Issue 11: a slow server cannot make a claim outlive its
 * lease, and an outcome write the database refuses is retried until the lease ends.
 */
const settings: DispatchSettings = {
  ...DEFAULT_DISPATCH,
  from: '"邻里 Linli" <no-reply@linli.local>',
  maxAttempts: 20,
  // Small delays keep the test fast; no assertion depends on time.
  backoff: { baseDelayMs: 5, maxDelayMs: 40 },
  batch: 50,
  leaseSeconds: 30,
  writeBackoff: { baseDelayMs: 2, maxDelayMs: 20 },
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

  it('a slow server (3.5 s per message, one connection): no send starts late in the lease, each outcome is written at once, no message goes out twice or ends failed', async () => {
    const communityId = randomUUID();
    const now = new Date();
    const ids = await insertDueMail(db, {
      communityId,
      count: 40,
      availableAt: new Date(now.getTime() - 1000),
    });
    const clock = new FixedClock(now);
    const deliveries: string[] = [];
    const quick: MailTransport = {
      name: 'smtp',
      send: async (mail) => void deliveries.push(mail.messageId),
      close: () => undefined,
    };
    // A second worker polls after every message of the slow one, as a busy deployment would.
    const other = dispatcher(quick, clock, { leaseSeconds: 120, connections: 1 });
    const othersClaims: number[] = [];
    const slow: MailTransport = {
      name: 'smtp',
      send: async (mail) => {
        clock.advance(3_500);
        deliveries.push(mail.messageId);
        othersClaims.push((await other.dispatchOnce()).claimed);
      },
      close: () => undefined,
    };
    const worker = dispatcher(slow, clock, { leaseSeconds: 120, connections: 1, batch: 200 });

    const first = await worker.dispatchOnce();
    // 3.5 s a message: starts at 0, 3.5, …, 59.5 s fit the lease's first half (18 of them); the
    // other 22 rows are given back, not held until the lease runs out.
    expect(first).toMatchObject({ claimed: 40, sent: 18, released: 22, lost: 0, failed: 0 });
    expect(othersClaims.every((claimed) => claimed === 0)).toBe(true);
    const afterFirst = await rows(communityId);
    expect(afterFirst.filter((r) => r.status === 'sent')).toHaveLength(18);
    expect(afterFirst.filter((r) => r.status === 'pending').every((r) => r.attempts === 0)).toBe(true);
    // The next claim is sized to what one connection sends in half a lease at this pace.
    expect((await worker.dispatchOnce()).claimed).toBe(18);
    await drain(other, communityId);

    expect(deliveries).toHaveLength(40);
    expect(new Set(deliveries)).toEqual(new Set(ids.map((id) => `<${id}@linli.local>`)));
    const after = await rows(communityId);
    expect(after.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('the database refuses the outcome write for a while after a delivery: the write is retried and the message stays delivered once', async () => {
    const communityId = randomUUID();
    const [id] = await insertDueMail(db, { communityId, count: 1 });
    const flaky = new FlakySqlDatabase(database.url, /SET status = 'sent'/, 3);
    const deliveries: string[] = [];
    const transport: MailTransport = {
      name: 'smtp',
      send: async (mail) => void deliveries.push(mail.messageId),
      close: () => undefined,
    };
    try {
      const result = await new OutboxDispatcher(flaky, transport, settings, new SystemClock()).dispatchOnce();
      expect(result).toMatchObject({ claimed: 1, sent: 1, unrecorded: 0 });
      expect(flaky.refused).toBe(3);
      // Due again later or not, the row says sent: no other worker will send it again.
      await drain(dispatcher(transport), communityId);
    } finally {
      await flaky.close();
    }
    expect(deliveries).toEqual([`<${id}@linli.local>`]);
    expect((await rows(communityId))[0]).toMatchObject({ status: 'sent', attempts: 1, lease_until: null });
  });

  it('the database stays away past the lease: the outcome write gives up at the deadline (not forever) and the row is due again after the lease', async () => {
    const communityId = randomUUID();
    const now = new Date();
    await insertDueMail(db, { communityId, count: 1, availableAt: new Date(now.getTime() - 1000) });
    const clock = new FixedClock(now);
    // Each refused try takes 4 s of the 30 s lease.
    const flaky = new FlakySqlDatabase(database.url, /SET status = 'sent'/, Infinity, () =>
      clock.advance(4_000),
    );
    const transport: MailTransport = { name: 'smtp', send: async () => undefined, close: () => undefined };
    try {
      const result = await new OutboxDispatcher(flaky, transport, settings, clock).dispatchOnce();
      expect(result).toMatchObject({ claimed: 1, sent: 0, unrecorded: 1 });
    } finally {
      await flaky.close();
    }
    const [row] = await rows(communityId);
    expect(row).toMatchObject({ status: 'sending', attempts: 1 });
    expect(row.lease_until!.getTime()).toBe(now.getTime() + 30_000);
    expect(flaky.refused).toBe(8); // at 0, 4, …, 28 s; the next try would come after the deadline
  });

  it('stopping (SIGTERM): no message is started after the stop, the one in flight is recorded, the rest is given back', async () => {
    const communityId = randomUUID();
    await insertDueMail(db, { communityId, count: 10 });
    let stopping = false;
    const deliveries: string[] = [];
    const transport: MailTransport = {
      name: 'smtp',
      send: async (mail) => {
        deliveries.push(mail.messageId);
        stopping = true; // the signal arrives while the first message is on its way
      },
      close: () => undefined,
    };
    const result = await dispatcher(transport, new SystemClock(), { connections: 1 }).dispatchOnce({
      shouldStop: () => stopping,
    });
    expect(result).toMatchObject({ claimed: 10, sent: 1, released: 9 });
    expect(deliveries).toHaveLength(1);
    const after = await rows(communityId);
    expect(after.filter((r) => r.status === 'sent')).toHaveLength(1);
    expect(
      after.filter((r) => r.status === 'pending' && r.attempts === 0 && r.lease_until === null),
    ).toHaveLength(9);
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

/**
 * The platform's SqlDatabase, except that statements matching `statement` fail as if the server
 * were unreachable, the first `times` times (through `query` and inside transactions alike).
 */
class FlakySqlDatabase extends SqlDatabase {
  refused = 0;

  constructor(
    url: string,
    private readonly statement: RegExp,
    private readonly times: number,
    private readonly onRefuse: () => void = () => undefined,
  ) {
    super(url, 2);
    const query = this.query;
    (this as { query: Sql }).query = this.flaky(query);
  }

  override transaction<T>(
    work: (sql: Sql, first: Record<string, unknown>[]) => Promise<T>,
    options?: SqlTransactionOptions,
  ): Promise<T> {
    return super.transaction((sql, first) => work(this.flaky(sql), first), options);
  }

  private flaky(sql: Sql): Sql {
    return (async (text: string, params?: readonly unknown[]) => {
      if (this.statement.test(text) && this.refused < this.times) {
        this.refused += 1;
        this.onRefuse();
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      }
      return sql(text, params);
    }) as Sql;
  }
}
