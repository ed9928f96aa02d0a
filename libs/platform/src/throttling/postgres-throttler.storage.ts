import { Injectable } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { MikroORM } from '@mikro-orm/core';
import { sqlIn } from '../database/sql';

/**
 * Throttler counters in PostgreSQL, so a limit holds however many API processes share the database.
 * One atomic upsert per hit: a fixed window that restarts when it expires, and a block that starts
 * when the count passes the limit. Time comes from the database so processes agree on it.
 */
// $1 key, $2 ttl (ms), $3 limit, $4 block duration (ms).
const INCREMENT = `
WITH hit AS (
  INSERT INTO throttle_bucket AS b (key, hits, expires_at, blocked_until)
  VALUES ($1, 1, now() + make_interval(secs => $2 / 1000.0), NULL)
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN b.expires_at <= now() THEN 1 ELSE b.hits + 1 END,
    expires_at = CASE WHEN b.expires_at <= now() THEN EXCLUDED.expires_at ELSE b.expires_at END,
    blocked_until = CASE
      WHEN b.blocked_until > now() THEN b.blocked_until
      WHEN (CASE WHEN b.expires_at <= now() THEN 1 ELSE b.hits + 1 END) > $3
        THEN now() + make_interval(secs => $4 / 1000.0)
      ELSE NULL
    END
  RETURNING b.hits, b.expires_at, b.blocked_until
)
SELECT hits,
       ceil(extract(epoch FROM expires_at - now()))::int AS time_to_expire,
       ceil(extract(epoch FROM blocked_until - now()))::int AS time_to_block_expire
FROM hit`;

@Injectable()
export class PostgresThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly orm: MikroORM) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const bucket = `${throttlerName}:${key}`;
    const [row] = await sqlIn(this.orm.em)<{
      hits: number;
      time_to_expire: number;
      time_to_block_expire: number | null;
    }>(INCREMENT, [bucket, ttl, limit, blockDuration]);
    const timeToBlockExpire = Math.max(0, row.time_to_block_expire ?? 0);
    return {
      totalHits: row.hits,
      timeToExpire: Math.max(0, row.time_to_expire),
      isBlocked: timeToBlockExpire > 0,
      timeToBlockExpire,
    };
  }
}
