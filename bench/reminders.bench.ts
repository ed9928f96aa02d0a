/**
 * Issue 6: 10,000 due messages delivered by the mail dispatcher (claim with SKIP LOCKED and a
 * lease, send through the pooled SMTP transport, mark sent) to a local SMTP sink, against
 * nodemailer sending the same messages straight to the same sink with the same pool size, in one
 * run. Prints both rates (msgs/s), the ratio and the received counts. Target: ours at least 50%
 * of the direct rate, with exactly 10,000 received.
 *
 * Uses BENCH_DATABASE_URL (a server) when set, otherwise an embedded PostgreSQL in a temp dir.
 */
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { Pool } from 'pg';
import { SqlDatabase, SystemClock } from '@linli/platform';
import { DEFAULT_DISPATCH, OutboxDispatcher, SmtpMailTransport } from '@linli/reminders';
import { startSmtpSink } from '../test/support/smtp-sink';
import { insertDueMail } from '../test/support/mail-outbox-rows';
import { openBenchDatabase } from './bench-database';
import { report } from './measure';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);
const POOL_SIZE = Number(process.env.BENCH_MAIL_POOL ?? 5);
const FROM = '"邻里 Linli" <no-reply@linli.local>';

async function direct(url: string, rows: { id: string; to: string; subject: string }[]): Promise<number> {
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: POOL_SIZE,
    maxMessages: 1000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  const started = process.hrtime.bigint();
  await Promise.all(
    rows.map((row) =>
      transporter.sendMail({
        from: FROM,
        to: row.to,
        subject: row.subject,
        text: '您好，明天 09:00 有班次。',
        html: '<p>您好，明天 09:00 有班次。</p>',
        messageId: `<${row.id}@direct.linli.local>`,
      }),
    ),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  transporter.close();
  return rows.length / seconds;
}

export async function run(): Promise<void> {
  const database = await openBenchDatabase();
  const sink = await startSmtpSink({ keepRaw: false });
  const sqlDatabase = new SqlDatabase(database.url, 4);
  const pool = new Pool({ connectionString: database.url, max: 2 });
  try {
    const communityId = randomUUID();
    await insertDueMail(pool, { communityId, count: MESSAGES });
    const { rows } = await pool.query(
      `SELECT id, recipient_email AS to, subject FROM mail_outbox WHERE community_id = $1`,
      [communityId],
    );

    // Baseline: the same messages straight through nodemailer's pool.
    const directRate = await direct(sink.url, rows);
    const directReceived = sink.received.length;
    sink.received.length = 0;

    // Ours: the dispatcher as the worker tick runs it, one batch after another until none is due.
    const transport = new SmtpMailTransport(sink.url, POOL_SIZE);
    const dispatcher = new OutboxDispatcher(
      sqlDatabase,
      transport,
      { ...DEFAULT_DISPATCH, from: FROM, maxAttempts: 8 },
      new SystemClock(),
    );
    const started = process.hrtime.bigint();
    let sent = 0;
    for (;;) {
      const result = await dispatcher.dispatchOnce();
      sent += result.sent;
      if (result.claimed === 0) break;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    transport.close();
    const oursReceived = sink.received.length;
    const distinct = sink.countsByMessageId().size;

    report(`reminders dispatch ${MESSAGES} msgs pool=${POOL_SIZE}`, MESSAGES / seconds, directRate, 'msgs/s');
    console.log(
      `bench reminders received: ours=${oursReceived} (distinct Message-IDs ${distinct}, marked sent ${sent}) direct=${directReceived}`,
    );
    if (oursReceived !== MESSAGES || distinct !== MESSAGES || sent !== MESSAGES) {
      throw new Error(`expected exactly ${MESSAGES} delivered by the dispatcher`);
    }
  } finally {
    await pool.end();
    await sqlDatabase.close();
    await sink.close();
    await database.stop();
  }
}
