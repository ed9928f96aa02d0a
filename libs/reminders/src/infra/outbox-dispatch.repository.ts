import type { Sql } from '@linli/platform';

/** A mail_outbox row as the dispatcher claims it. */
export interface ClaimedMail {
  id: string;
  community_id: string;
  kind: string;
  recipient_email: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  ics: string | null;
  ics_method: string | null;
  message_id: string | null;
  /** Including this claim. */
  attempts: number;
}

/** This worker's hold on a claimed row: the lease instant plus the attempt number (a fencing token). */
export interface Hold {
  id: string;
  attempts: number;
}

const COLUMNS = `m.id, m.community_id, m.kind, m.recipient_email, m.subject, m.text_body, m.html_body,
  m.ics, m.ics_method, m.message_id, m.attempts`;

/**
 * Claims up to `batch` due rows in one statement (its own short transaction): pending rows whose
 * time has come, and rows still `sending` whose lease ran out (their worker died). SKIP LOCKED lets
 * any number of workers claim side by side without waiting for or taking each other's rows.
 */
export async function claimDue(sql: Sql, now: Date, leaseUntil: Date, batch: number): Promise<ClaimedMail[]> {
  return sql<ClaimedMail>(
    `WITH due AS (
       SELECT id FROM mail_outbox
        WHERE (status = 'pending' AND available_at <= $1) OR (status = 'sending' AND lease_until < $1)
        ORDER BY available_at
        LIMIT $3
        FOR UPDATE SKIP LOCKED
     )
     UPDATE mail_outbox m
        SET status = 'sending', lease_until = $2, attempts = m.attempts + 1
       FROM due WHERE m.id = due.id
     RETURNING ${COLUMNS}`,
    [now, leaseUntil, batch],
  );
}

/**
 * The outcome updates apply only while the row is still ours: `sending`, our lease, our attempt.
 * If the lease ran out and another worker took the row, our late result changes nothing. Each is
 * one statement (autocommit) and may run again after a lost connection: a repeat finds the row
 * no longer `sending` and changes nothing.
 */
const STILL_OURS = `m.id = d.id AND m.attempts = d.attempts AND m.status = 'sending' AND m.lease_until = $2`;

export async function markSent(sql: Sql, holds: Hold[], leaseUntil: Date, now: Date): Promise<number> {
  if (holds.length === 0) return 0;
  const rows = await sql(
    `UPDATE mail_outbox m SET status = 'sent', sent_at = $3, lease_until = NULL
       FROM unnest($1::uuid[], $4::int[]) AS d(id, attempts)
      WHERE ${STILL_OURS}
     RETURNING m.id`,
    [holds.map((h) => h.id), leaseUntil, now, holds.map((h) => h.attempts)],
  );
  return rows.length;
}

export async function markRetry(
  sql: Sql,
  retries: (Hold & { availableAt: Date; error: string })[],
  leaseUntil: Date,
): Promise<number> {
  if (retries.length === 0) return 0;
  const rows = await sql(
    `UPDATE mail_outbox m SET status = 'pending', available_at = d.available_at, lease_until = NULL,
            last_error = d.error
       FROM unnest($1::uuid[], $3::int[], $4::timestamptz[], $5::text[]) AS d(id, attempts, available_at, error)
      WHERE ${STILL_OURS}
     RETURNING m.id`,
    [
      retries.map((r) => r.id),
      leaseUntil,
      retries.map((r) => r.attempts),
      retries.map((r) => r.availableAt),
      retries.map((r) => r.error),
    ],
  );
  return rows.length;
}

export async function markFailed(
  sql: Sql,
  failures: (Hold & { error: string })[],
  leaseUntil: Date,
): Promise<number> {
  if (failures.length === 0) return 0;
  const rows = await sql(
    `UPDATE mail_outbox m SET status = 'failed', lease_until = NULL, last_error = d.error
       FROM unnest($1::uuid[], $3::int[], $4::text[]) AS d(id, attempts, error)
      WHERE ${STILL_OURS}
     RETURNING m.id`,
    [failures.map((f) => f.id), leaseUntil, failures.map((f) => f.attempts), failures.map((f) => f.error)],
  );
  return rows.length;
}

/**
 * Gives back rows this claim did not start sending (their turn would have come too late in the
 * lease): due again at once for any worker, and the claim does not count as an attempt. Only
 * while still ours, like the outcomes; the releasing worker never touches these rows again, so
 * a later claim that happens to repeat our attempt number and lease cannot be confused with us.
 */
export async function releaseUnsent(sql: Sql, holds: Hold[], leaseUntil: Date): Promise<number> {
  if (holds.length === 0) return 0;
  const rows = await sql(
    `UPDATE mail_outbox m SET status = 'pending', lease_until = NULL, attempts = m.attempts - 1
       FROM unnest($1::uuid[], $3::int[]) AS d(id, attempts)
      WHERE ${STILL_OURS}
     RETURNING m.id`,
    [holds.map((h) => h.id), leaseUntil, holds.map((h) => h.attempts)],
  );
  return rows.length;
}
