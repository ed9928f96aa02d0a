import type { Sql } from '@linli/platform';

/** How the mail outbox stands at one instant: what operators watch (see OutboxMetrics). */
export interface OutboxDepth {
  /** Rows a dispatcher should be sending now: pending and due, or `sending` with a lapsed lease. */
  due: number;
  /** When the longest-waiting due row became due; null when nothing is due. */
  oldestDueAt: Date | null;
  /** Rows held by a dispatcher under a live lease. */
  sending: number;
  /** Rows given up on (attempts used up, or refused for good), until an organiser retries them. */
  failed: number;
  /** Pending rows waiting for another attempt after a failed one. */
  retrying: number;
}

/**
 * One statement over the rows that are not finished (the (status, available_at) index keeps sent
 * and cancelled rows, which only grow, out of it). `now` is the dispatcher's notion of due.
 */
export async function readOutboxDepth(sql: Sql, now: Date): Promise<OutboxDepth> {
  const due = `(status = 'pending' AND available_at <= $1) OR (status = 'sending' AND lease_until < $1)`;
  const [row] = await sql<{
    due: number;
    oldest_due_at: Date | null;
    sending: number;
    failed: number;
    retrying: number;
  }>(
    `SELECT count(*) FILTER (WHERE ${due})::int AS due,
            min(available_at) FILTER (WHERE ${due}) AS oldest_due_at,
            count(*) FILTER (WHERE status = 'sending' AND lease_until >= $1)::int AS sending,
            count(*) FILTER (WHERE status = 'failed')::int AS failed,
            count(*) FILTER (WHERE status = 'pending' AND attempts > 0)::int AS retrying
       FROM mail_outbox
      WHERE status IN ('pending', 'sending', 'failed')`,
    [now],
  );
  return {
    due: row.due,
    oldestDueAt: row.oldest_due_at,
    sending: row.sending,
    failed: row.failed,
    retrying: row.retrying,
  };
}
