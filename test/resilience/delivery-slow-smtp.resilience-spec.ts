import { LinliProcess } from './support/linli-process';
import { PostgresCluster } from './support/postgres-cluster';
import { outboxStatuses, scheduleDueReminders } from './support/due-reminders';
import { waitUntil } from './support/wait-until';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

/**
 * Issue 11, item 1: an SMTP server that takes 3.5 s over every message, two real worker processes.
 * The lease is shrunk (MAIL_LEASE_SECONDS=20) and there are more messages than the connections can
 * send in one lease (16 × 3.5 s over 2 connections = 28 s): a dispatcher that held a whole batch
 * until it had sent it resent the batch from the other worker after the lease, then marked those
 * rows failed. Now every message arrives once and ends `sent`.
 */
jest.setTimeout(180_000);

const MESSAGES = 16;

describe('an SMTP server taking 3.5 s per message', () => {
  let cluster: PostgresCluster;
  let sink: SmtpSink;
  const workers: LinliProcess[] = [];

  beforeAll(async () => {
    [cluster, sink] = await Promise.all([
      PostgresCluster.start(),
      startSmtpSink({ keepRaw: false, delayMs: 3_500 }),
    ]);
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await sink?.close();
    await cluster?.destroy();
  });

  it('every message delivered once and marked sent; none failed, none sent twice', async () => {
    const env = {
      DATABASE_URL: cluster.url,
      SMTP_URL: sink.url,
      MAIL_POOL_SIZE: '2',
      MAIL_LEASE_SECONDS: '20',
    };
    workers.push(
      ...(await Promise.all([
        LinliProcess.start({ role: 'worker', env }),
        LinliProcess.start({ role: 'worker', env }),
      ])),
    );
    const { communityId, messageIds } = await scheduleDueReminders(cluster.url, { count: MESSAGES });

    await waitUntil(
      async () => (await outboxStatuses(cluster.url, communityId)).sent === MESSAGES,
      'every message marked sent',
      {
        timeoutMs: 120_000,
        everyMs: 250,
        explain: async () => ({
          statuses: await outboxStatuses(cluster.url, communityId),
          delivered: sink.received.length,
          duplicates: sink.duplicates().size,
        }),
      },
    );
    expect(await outboxStatuses(cluster.url, communityId)).toEqual({ sent: MESSAGES });
    expect(sink.duplicates()).toEqual(new Map());
    expect(new Set(sink.countsByMessageId().keys())).toEqual(new Set(messageIds));
    expect(sink.received).toHaveLength(MESSAGES);
    const attempts = await cluster.query<{ max: number }>(
      'SELECT max(attempts)::int AS max FROM mail_outbox WHERE community_id = $1',
      [communityId],
    );
    expect(attempts[0].max).toBe(1);
  });
});
