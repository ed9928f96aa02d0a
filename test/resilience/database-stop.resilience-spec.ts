import { DEMO_LOGINS, DEMO_PASSWORD } from '@linli/identity';
import { LinliProcess } from './support/linli-process';
import { PostgresCluster } from './support/postgres-cluster';
import { outboxStatuses, scheduleDueReminders } from './support/due-reminders';
import { waitUntil } from './support/wait-until';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

/**
 * Issue 11, items 2 and 4: PostgreSQL stopped for 15 s while an API process answers requests and
 * two workers are sending 300 reminders. During the stop the API answers 503 with Retry-After,
 * never 500; the workers keep the outcomes of what they delivered and write them once PostgreSQL is
 * back (no message twice); and everything recovers with no process restarted.
 */
jest.setTimeout(180_000);

const OUTAGE_MS = 15_000;
const REMINDERS = 300;

interface Answer {
  what: string;
  status: number;
  retryAfter: string | null;
  code?: string;
}

describe('PostgreSQL stopped for 15 s under an API and two sending workers', () => {
  let cluster: PostgresCluster;
  let sink: SmtpSink;
  const processes: LinliProcess[] = [];

  beforeAll(async () => {
    [cluster, sink] = await Promise.all([
      PostgresCluster.start(),
      // 200 ms a message over 2 × 5 connections: sending spans the outage.
      startSmtpSink({ keepRaw: false, delayMs: 200 }),
    ]);
  });
  afterAll(async () => {
    await Promise.all(processes.map((child) => child.stop()));
    await sink?.close();
    await cluster?.destroy();
  });

  it('503 with Retry-After (never 500) during the stop, no duplicate mail, and all recovers without restarts', async () => {
    // A lease of 30 s: longer than the outage, short enough that a lost outcome would resend in the test.
    const workerEnv = {
      DATABASE_URL: cluster.url,
      SMTP_URL: sink.url,
      MAIL_POOL_SIZE: '5',
      MAIL_LEASE_SECONDS: '30',
    };
    const [api, ...workers] = await Promise.all([
      LinliProcess.start({
        role: 'api',
        env: {
          DATABASE_URL: cluster.url,
          SEED_DEMO: 'true',
          // The test logs in again and again; the login limits are not what it is about.
          LOGIN_LIMIT_PER_ACCOUNT: '1000',
          LOGIN_LIMIT_PER_ADDRESS: '10000',
        },
      }),
      LinliProcess.start({ role: 'worker', env: workerEnv }),
      LinliProcess.start({ role: 'worker', env: workerEnv }),
    ]);
    processes.push(api, ...workers);

    const login = async (): Promise<Answer & { token?: string }> => {
      const response = await fetch(`${api.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: DEMO_LOGINS.organiser.email, password: DEMO_PASSWORD }),
      });
      const body = (await response.json()) as { accessToken?: string; code?: string };
      return { ...answer('POST login', response, body), token: body.accessToken };
    };
    const people = async (token: string): Promise<Answer> => {
      const response = await fetch(`${api.baseUrl}/api/v1/people?pageSize=1`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return answer('GET people', response, (await response.json()) as { code?: string });
    };
    const signedIn = await login();
    expect(signedIn.status).toBe(200);
    const token = signedIn.token!;
    expect((await people(token)).status).toBe(200);

    const { communityId, messageIds } = await scheduleDueReminders(cluster.url, { count: REMINDERS });
    await waitUntil(() => sink.received.length >= 40, 'the workers to be sending', { everyMs: 5 });

    await cluster.stop();
    const during: Answer[] = [];
    const restartAt = Date.now() + OUTAGE_MS;
    while (Date.now() < restartAt) {
      during.push(await people(token), await login());
      await new Promise((resolve) => setTimeout(resolve, 200)); // pacing the requests, not a wait
    }
    const deliveredDuringOutage = sink.received.length;
    await cluster.restart();

    expect(during.length).toBeGreaterThan(10);
    expect(during.filter((a) => a.status !== 503 || a.code !== 'SERVICE_UNAVAILABLE')).toEqual([]);
    expect(during.filter((a) => !/^[1-9]\d*$/.test(a.retryAfter ?? ''))).toEqual([]);

    // The same processes serve again once PostgreSQL is back.
    await waitUntil(async () => (await people(token)).status === 200, 'the API to answer 200 again');
    expect((await login()).status).toBe(200);
    await waitUntil(
      async () => (await outboxStatuses(cluster.url, communityId)).sent === REMINDERS,
      'every reminder marked sent',
      {
        explain: async () => ({
          statuses: await outboxStatuses(cluster.url, communityId),
          delivered: sink.received.length,
        }),
      },
    );
    // No message twice: neither these reminders nor the demo community's own notices.
    expect(sink.duplicates()).toEqual(new Map());
    const counts = sink.countsByMessageId();
    expect(messageIds.filter((id) => counts.get(id) !== 1)).toEqual([]);
    expect(deliveredDuringOutage).toBeLessThan(REMINDERS); // the stop did land while mail was going out
    for (const child of [api, ...workers]) expect(child.child.exitCode).toBeNull();
    // Each worker noticed the outage once and its end once, rather than a warning every second.
    for (const worker of workers) {
      expect(worker.output().match(/mail dispatch paused/g)?.length ?? 0).toBeLessThanOrEqual(1);
      expect(worker.output()).not.toMatch(/mail dispatch failed/);
    }
  });
});

function answer(what: string, response: Response, body: { code?: string }): Answer {
  return { what, status: response.status, retryAfter: response.headers.get('retry-after'), code: body.code };
}
