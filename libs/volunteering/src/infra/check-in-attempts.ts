import type { EntityManager } from '@mikro-orm/core';
import { sqlIn, type Sql } from '@linli/platform';

export interface AttemptLimit {
  limit: number;
  windowSeconds: number;
  blockSeconds: number;
}

/**
 * Wrong check-in codes, counted in platform's shared `throttle_bucket` (the same fixed window and
 * block as the login throttler), so a limit holds across API processes. Database time, so
 * processes agree. Counted on their own connection: the check-in's transaction rolls back on a
 * wrong code and must not take the count with it.
 */
// $1 key, $2 window (s), $3 limit, $4 block (s): a hit that reaches the limit starts the block.
const RECORD = `
INSERT INTO throttle_bucket AS b (key, hits, expires_at, blocked_until)
VALUES ($1, 1, now() + make_interval(secs => $2), CASE WHEN 1 >= $3 THEN now() + make_interval(secs => $4) END)
ON CONFLICT (key) DO UPDATE SET
  hits = CASE WHEN b.expires_at <= now() THEN 1 ELSE b.hits + 1 END,
  expires_at = CASE WHEN b.expires_at <= now() THEN EXCLUDED.expires_at ELSE b.expires_at END,
  blocked_until = CASE
    WHEN b.blocked_until > now() THEN b.blocked_until
    WHEN (CASE WHEN b.expires_at <= now() THEN 1 ELSE b.hits + 1 END) >= $3
      THEN now() + make_interval(secs => $4)
    ELSE NULL
  END`;

export class CheckInAttempts {
  constructor(private readonly run: Sql) {}

  /** On `em`'s own unit of work; pass a fork outside any transaction to count for good. */
  static in(em: EntityManager): CheckInAttempts {
    return new CheckInAttempts(sqlIn(em));
  }

  /** Seconds until the longer block on either key ends; 0 when neither is blocked. */
  async blockedForSeconds(keys: [string, string]): Promise<number> {
    const [row] = await this.run<{ seconds: number | null }>(
      `SELECT ceil(extract(epoch FROM max(blocked_until) - now()))::int AS seconds
         FROM throttle_bucket WHERE key IN ($1, $2) AND blocked_until > now()`,
      keys,
    );
    return Math.max(0, row?.seconds ?? 0);
  }

  /** Counts one wrong code on each key under its limit. */
  async recordWrong(counters: { key: string; limit: AttemptLimit }[]): Promise<void> {
    for (const { key, limit } of counters) {
      await this.run(RECORD, [key, limit.windowSeconds, limit.limit, limit.blockSeconds]);
    }
  }
}

export const checkInAttemptKeys = (personId: string, shiftId: string) => ({
  person: `checkin-person:${personId}`,
  shift: `checkin-shift:${shiftId}`,
});
