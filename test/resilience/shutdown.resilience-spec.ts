import { Client } from 'pg';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@linli/identity';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { KeepAliveClient, Outcome, serverHasRead } from './support/keep-alive-load';
import { Exit, LinliProcess } from './support/linli-process';

/**
 * SIGTERM under keep-alive load (issue 11, item 5; docs/decisions/0020-graceful-shutdown.md), on
 * the real API process. Readiness probers keep their connections busy; slow requests (held by a
 * table lock the test takes, more of them than the request pool has connections) are in flight
 * when the signal comes. Every wait is for a condition (a log line, PostgreSQL's view of its
 * backends, the server's socket queues, the exit); the only clock is a generous bound on the exit.
 */
jest.setTimeout(300_000);

const POOL_MAX = 4;
const HELD = 12; // three times the pool: 4 wait on the lock, 8 wait for a pooled connection
const PROBERS = 16;

describe('SIGTERM under keep-alive load', () => {
  let database: TestDatabase;
  let admin: Client;
  /** Not `admin`: inside admin's transaction pg_stat_activity would stay one snapshot. */
  let observer: Client;
  let api: LinliProcess | undefined;
  const clients: KeepAliveClient[] = [];
  const client = () => {
    const made = new KeepAliveClient(api!.port);
    clients.push(made);
    return made;
  };

  const startApi = async (graceSeconds: number) =>
    (api = await LinliProcess.start({
      role: 'api',
      env: {
        DATABASE_URL: database.url,
        SEED_DEMO: 'true',
        DB_POOL_MAX: String(POOL_MAX),
        SHUTDOWN_GRACE_SECONDS: String(graceSeconds),
        LOGIN_LIMIT_PER_ADDRESS: '1000',
      },
    }));

  beforeAll(async () => {
    database = await createTestDatabase();
    admin = new Client({ connectionString: database.url });
    observer = new Client({ connectionString: database.url });
    await Promise.all([admin.connect(), observer.connect()]);
  });
  afterEach(async () => {
    clients.splice(0).forEach((made) => made.close());
    api?.kill('SIGKILL');
    await api?.exited();
    api = undefined;
  });
  afterAll(async () => {
    await admin?.end();
    await observer?.end();
    await database?.drop();
  });

  it('answers every request in flight, ends each keep-alive connection with Connection: close, and exits 0', async () => {
    const graceSeconds = 30;
    await startApi(graceSeconds);
    const token = await login(api!.baseUrl);
    const signal = { sent: false };

    // Probers: back-to-back readiness checks, each on one kept-alive connection, until refused.
    const probing = Array.from({ length: PROBERS }, async () => {
      const prober = client();
      const outcomes: Outcome[] = [];
      for (;;) {
        const outcome = await prober.get('/health/ready');
        outcomes.push(outcome);
        if (outcome.kind !== 'answered') return outcomes; // its connection is gone
        if (signal.sent && outcome.connection === 'close') {
          outcomes.push(await prober.get('/health/ready')); // a new connection: refused
          return outcomes;
        }
      }
    });

    const slow = await whileLocked(async () => {
      const held = await sendHeld(HELD, token, POOL_MAX);
      signal.sent = true;
      api!.kill('SIGTERM');
      await api!.waitForOutput(/Not ready; no new connections/);
      return held;
    });

    expect(await exitWithin(graceSeconds + 60)).toEqual({ code: 0, signal: null });
    // In flight at the signal: every one answered in full, as the last answer on its connection.
    for (const outcome of await Promise.all(slow)) {
      expect(outcome).toMatchObject({ kind: 'answered', status: 200, connection: 'close' });
      expect(JSON.parse((outcome as { body: string }).body)).toMatchObject({ total: expect.any(Number) });
    }
    // Probers: 200s on a kept-alive connection; after the signal one last answer saying
    // `Connection: close` (503 once the drain has begun), then a refused connection. Never a
    // connection closed under a request, never an answer cut off.
    for (const outcomes of await Promise.all(probing)) {
      const [lastAnswer, last] = outcomes.slice(-2);
      expect(last).toEqual({ kind: 'refused' });
      expect(lastAnswer).toMatchObject({ kind: 'answered', connection: 'close' });
      const { status, body } = lastAnswer as { status: number; body: string };
      if (status === 503) {
        expect(JSON.parse(body)).toMatchObject({ code: 'SERVICE_UNAVAILABLE', detail: 'Shutting down' });
      } else {
        expect(status).toBe(200); // answered just before the drain began
      }
      for (const before of outcomes.slice(0, -2)) {
        expect(before).toMatchObject({ kind: 'answered', status: 200, connection: 'keep-alive' });
      }
    }
    expect(api!.output()).toMatch(/Every request answered; all connections closed/);
    expect(api!.output()).not.toMatch(/unanswered after/);
  });

  it('at the deadline closes the connections of requests still unanswered, and still exits 0', async () => {
    const graceSeconds = 1;
    await startApi(graceSeconds);
    const token = await login(api!.baseUrl);

    const { stuck, exit } = await whileLocked(async () => {
      const held = await sendHeld(2, token, 2);
      api!.kill('SIGTERM');
      // The lock outlives the deadline: these requests can never finish in time.
      return { stuck: await Promise.all(held), exit: await exitWithin(graceSeconds + 60) };
    });

    expect(exit).toEqual({ code: 0, signal: null });
    for (const outcome of stuck) expect(outcome).toMatchObject({ kind: 'closed-before-answer' });
    expect(api!.output()).toMatch(/2 request\(s\) unanswered after 1s: their connections were closed/);
    // Their statements still wait on the lock, so the pool cannot end: closing goes on without it.
    expect(api!.output()).toMatch(/did not close within 1s/);
    expect(api!.output()).toMatch(/Stopped cleanly in/);
  });

  /**
   * Runs `work` while the test holds a lock on `estate`: requests listing estates wait. (Not a
   * table the session check reads: that check is shared by concurrent requests, so they would
   * queue behind one statement instead of each holding a pooled connection.)
   */
  async function whileLocked<T>(work: () => Promise<T>): Promise<T> {
    await admin.query('BEGIN');
    try {
      await admin.query('LOCK TABLE estate IN ACCESS EXCLUSIVE MODE');
      return await work();
    } finally {
      await admin.query('ROLLBACK');
    }
  }

  /**
   * Sends `count` requests that read `estate`, each on a kept-alive connection the API has
   * already accepted, and resolves once the API has read every one of them and `waiting` of them
   * wait on the lock in PostgreSQL (the rest, if any, wait for a pooled connection).
   */
  async function sendHeld(count: number, token: string, waiting: number): Promise<Promise<Outcome>[]> {
    const slowClients = Array.from({ length: count }, () => client());
    for (const warm of await Promise.all(slowClients.map((slowClient) => slowClient.get('/health')))) {
      expect(warm).toMatchObject({ kind: 'answered', status: 200, connection: 'keep-alive' });
    }
    const sending = slowClients.map((slowClient) =>
      slowClient.send('/api/v1/estates?pageSize=1', { authorization: `Bearer ${token}` }),
    );
    const peerPorts = await Promise.all(sending.map(({ sent }) => sent));
    let seen = '';
    await waitUntil(
      async () => {
        const waiters = await lockWaiters();
        const read = serverHasRead(api!.port, peerPorts);
        seen = `${waiters} backends waiting on the lock; every request read by the API: ${read}`;
        return waiters >= waiting && read;
      },
      () => seen,
    );
    return sending.map(({ outcome }) => outcome);
  }

  async function lockWaiters(): Promise<number> {
    const { rows } = await observer.query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
    );
    return rows[0].waiting;
  }

  /** The exit, or 'late' after `seconds`: a generous bound, not a timing assertion. */
  function exitWithin(seconds: number): Promise<Exit | 'late'> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>(
      (resolve) => (timer = setTimeout(() => resolve('late'), seconds * 1_000)),
    );
    return Promise.race([api!.exited(), late]).finally(() => clearTimeout(timer));
  }
});

/** Checks `condition` until it holds (every 50 ms; jest's timeout bounds the wait). */
async function waitUntil(condition: () => Promise<boolean>, state: () => string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await condition()) return;
    if (attempt % 200 === 0) console.warn(`still waiting: ${state()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function login(base: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: DEMO_LOGINS.organiser.email, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}
