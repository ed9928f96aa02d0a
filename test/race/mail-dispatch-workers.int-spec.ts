import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startSmtpSink, SmtpSink } from '../support/smtp-sink';
import { insertDueMail } from '../support/mail-outbox-rows';

/**
 * Issue 6, dispatch across processes: real worker processes (test/support/dispatch-worker.ts)
 * against one database and a real SMTP server on loopback. Each message is delivered once; a
 * worker killed with SIGKILL loses nothing, and the only copies (issue 11) are the messages it had
 * in flight, at most one per SMTP connection, resent after the lease with the same Message-ID.
 */
const POOL_SIZE = 5;
function startWorker(
  database: TestDatabase,
  sink: SmtpSink,
  env: Record<string, string> = {},
): { child: ChildProcess; output: () => string; ready: Promise<void> } {
  let output = '';
  const child = spawn(
    process.execPath,
    [
      '-r',
      './test/resilience/support/swc-register.cjs',
      '-r',
      './scripts/register-paths.cjs',
      'test/support/dispatch-worker.ts',
    ],
    {
      cwd: process.cwd(),
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATABASE_URL: database.url,
        SMTP_URL: sink.url,
        POOL_SIZE: String(POOL_SIZE),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      if (output.includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}):\n${output}`)));
  });
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output, ready };
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

async function waitFor(condition: () => Promise<boolean> | boolean, what: string, limitMs = 90_000) {
  const until = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface StatusCounts {
  sent: number;
  other: number;
}

async function statusCounts(db: Client, communityId: string): Promise<StatusCounts> {
  const { rows } = await db.query(
    `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status <> 'sent')::int AS other
       FROM mail_outbox WHERE community_id = $1`,
    [communityId],
  );
  return rows[0];
}

describe('mail dispatch with several worker processes', () => {
  let database: TestDatabase;
  let db: Client;
  let sink: SmtpSink;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
  });
  beforeEach(async () => {
    sink = await startSmtpSink({ keepRaw: false });
  });
  afterEach(async () => {
    for (const worker of workers.splice(0)) {
      worker.kill('SIGKILL');
      await exited(worker);
    }
    await sink.close();
  });
  afterAll(async () => {
    await db.end();
    await database.drop();
  });

  it('two workers and 1,000 due messages: every message delivered exactly once', async () => {
    const communityId = randomUUID();
    const ids = await insertDueMail(db, { communityId, count: 1000 });
    const started = [startWorker(database, sink), startWorker(database, sink)];
    workers.push(...started.map((w) => w.child));
    await Promise.all(started.map((w) => w.ready));

    await waitFor(async () => (await statusCounts(db, communityId)).sent === 1000, 'all rows sent');

    const counts = sink.countsByMessageId();
    expect(sink.received).toHaveLength(1000);
    expect(counts.size).toBe(1000);
    for (const id of ids) expect(counts.get(`<${id}@linli.local>`)).toBe(1);
    // Both processes did part of the work.
    for (const worker of started) expect(worker.output()).toContain('"sent"');
    const { rows } = await db.query(
      `SELECT max(attempts)::int AS max_attempts, count(*) FILTER (WHERE lease_until IS NOT NULL)::int AS leased
         FROM mail_outbox WHERE community_id = $1`,
      [communityId],
    );
    expect(rows[0]).toEqual({ max_attempts: 1, leased: 0 });
  });

  it('a worker killed mid-batch (SIGKILL): nothing lost; copies only of what it had in flight (one per connection), same Message-ID', async () => {
    const communityId = randomUUID();
    const BATCH = 40;
    const ids = await insertDueMail(db, { communityId, count: 1000 });
    // The victim holds each accepted message a while before marking, so the kill lands in the window.
    const victim = startWorker(database, sink, {
      BATCH: String(BATCH),
      LEASE_SECONDS: '3',
      HOLD_AFTER_SEND_MS: '300',
    });
    workers.push(victim.child);
    await victim.ready;
    await waitFor(() => sink.received.length >= 2 * BATCH + 5, 'the victim to have sent a few batches');
    victim.child.kill('SIGKILL');
    await exited(victim.child);
    const victimClaimed = await db.query(
      `SELECT id FROM mail_outbox WHERE community_id = $1 AND status = 'sending'`,
      [communityId],
    );
    expect(victimClaimed.rowCount).toBeGreaterThan(0);
    expect(victimClaimed.rowCount).toBeLessThanOrEqual(BATCH);

    const survivor = startWorker(database, sink, { BATCH: String(BATCH), LEASE_SECONDS: '3' });
    workers.push(survivor.child);
    await survivor.ready;
    await waitFor(async () => (await statusCounts(db, communityId)).sent === 1000, 'all rows sent');

    const counts = sink.countsByMessageId();
    for (const id of ids) expect(counts.get(`<${id}@linli.local>`)).toBeGreaterThanOrEqual(1);
    expect(counts.size).toBe(1000);
    const inFlight = new Set(victimClaimed.rows.map((r: { id: string }) => `<${r.id}@linli.local>`));
    const duplicated = [...counts].filter(([, n]) => n > 1);
    for (const [messageId, n] of duplicated) {
      expect(n).toBe(2);
      expect(inFlight.has(messageId)).toBe(true);
    }
    // Each connection's lane records an outcome before it starts its next message.
    expect(duplicated.length).toBeLessThanOrEqual(POOL_SIZE);
    // The rows the victim held were claimed again after its lease ran out.
    const { rows } = await db.query(
      `SELECT min(attempts)::int AS min_attempts FROM mail_outbox WHERE id = ANY($1::uuid[])`,
      [victimClaimed.rows.map((r: { id: string }) => r.id)],
    );
    expect(rows[0].min_attempts).toBe(2);
  });
});
