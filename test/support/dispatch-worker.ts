/**
 * A worker process for the dispatch tests: boots the real OutboxDispatcher against a database and
 * an SMTP server given in the environment and dispatches until it is stopped. Started with `node
 * -r ./test/resilience/support/swc-register.cjs -r ./scripts/register-paths.cjs test/support/dispatch-worker.ts`.
 *
 *   DATABASE_URL, SMTP_URL   where to read rows and send mail
 *   BATCH, LEASE_SECONDS     dispatchOnce options
 *   POOL_SIZE                SMTP connections, one message in flight on each
 *   HOLD_AFTER_SEND_MS       wait this long after each accepted message before marking (so a
 *                            SIGKILL lands between "the server has it" and "the row says sent")
 */
import { SqlDatabase, SystemClock } from '@linli/platform';
import { DEFAULT_DISPATCH, OutboxDispatcher, SmtpMailTransport, type MailTransport } from '@linli/reminders';

async function main(): Promise<void> {
  const env = process.env;
  const db = new SqlDatabase(env.DATABASE_URL!, 4);
  const poolSize = Number(env.POOL_SIZE ?? 5);
  const smtp = new SmtpMailTransport(env.SMTP_URL!, poolSize);
  const hold = Number(env.HOLD_AFTER_SEND_MS ?? 0);
  const transport: MailTransport = {
    name: 'smtp',
    send: async (mail) => {
      await smtp.send(mail);
      if (hold) await new Promise((resolve) => setTimeout(resolve, hold));
    },
    close: () => smtp.close(),
  };
  const dispatcher = new OutboxDispatcher(
    db,
    transport,
    {
      ...DEFAULT_DISPATCH,
      from: 'Linli <no-reply@linli.local>',
      maxAttempts: 5,
      backoff: { baseDelayMs: 50, maxDelayMs: 500 },
      batch: Number(env.BATCH ?? 50),
      leaseSeconds: Number(env.LEASE_SECONDS ?? 30),
      connections: poolSize,
    },
    new SystemClock(),
  );
  let stopping = false;
  process.on('SIGTERM', () => (stopping = true));
  console.log('ready');
  while (!stopping) {
    const result = await dispatcher.dispatchOnce();
    if (result.claimed) console.log(JSON.stringify(result));
    else await new Promise((resolve) => setTimeout(resolve, 50));
  }
  transport.close();
  await db.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
