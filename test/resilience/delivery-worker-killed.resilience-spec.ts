import { LinliProcess } from './support/linli-process';
import { PostgresCluster } from './support/postgres-cluster';
import { outboxStatuses, scheduleDueReminders } from './support/due-reminders';
import { waitUntil } from './support/wait-until';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

/**
 * Issue 11, items 1 and 3: 600 reminders due in the same minute, two real worker processes
 * (apps/worker/src/main.ts) sending to an SMTP server on loopback, one of them killed with SIGKILL
 * in the middle of its work. Nothing is lost, and the only copies are what the killed worker had
 * in flight: at most one message per SMTP connection, each with the same Message-ID.
 */
jest.setTimeout(180_000);

const CONNECTIONS = 5;
const REMINDERS = 600;

describe('600 due reminders, two workers, one killed mid-batch', () => {
  let cluster: PostgresCluster;
  let sink: SmtpSink;
  const workers: LinliProcess[] = [];

  beforeAll(async () => {
    [cluster, sink] = await Promise.all([
      PostgresCluster.start(),
      // A little slow per message, so the kill finds the victim with messages in flight.
      startSmtpSink({ keepRaw: false, delayMs: 20 }),
    ]);
  });
  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await Promise.all(workers.map((worker) => worker.exited()));
    await sink?.close();
    await cluster?.destroy();
  });

  it('none lost; duplicates only of the killed worker’s in-flight messages (≤ its connections), same Message-ID', async () => {
    const env = {
      DATABASE_URL: cluster.url,
      SMTP_URL: sink.url,
      MAIL_POOL_SIZE: String(CONNECTIONS),
      // Short, so the survivor takes the victim's rows back within the test.
      MAIL_LEASE_SECONDS: '10',
    };
    const [victim, survivor] = await Promise.all([
      LinliProcess.start({ role: 'worker', env }),
      LinliProcess.start({ role: 'worker', env }),
    ]);
    workers.push(victim, survivor);

    const { communityId, messageIds } = await scheduleDueReminders(cluster.url, { count: REMINDERS });
    await waitUntil(() => sink.received.length >= 150, 'a quarter of the mail to arrive', { everyMs: 5 });
    victim.kill('SIGKILL');
    expect(await victim.exited()).toEqual({ code: null, signal: 'SIGKILL' });

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
    const counts = sink.countsByMessageId();
    expect(new Set(counts.keys())).toEqual(new Set(messageIds));
    const duplicates = sink.duplicates();
    expect(duplicates.size).toBeLessThanOrEqual(CONNECTIONS);
    for (const count of duplicates.values()) expect(count).toBe(2);
    expect(sink.received).toHaveLength(REMINDERS + duplicates.size);
    // The victim died holding a claim: its rows were claimed again once the lease ran out.
    const reclaimed = await cluster.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM mail_outbox WHERE community_id = $1 AND attempts = 2`,
      [communityId],
    );
    expect(reclaimed[0].count).toBeGreaterThan(0);
    expect(await outboxStatuses(cluster.url, communityId)).toEqual({ sent: REMINDERS });
    expect(survivor.output()).toContain('mail dispatched');
  });
});
