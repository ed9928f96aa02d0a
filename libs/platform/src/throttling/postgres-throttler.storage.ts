import { Injectable } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { MikroORM } from '@mikro-orm/core';

/**
 * Throttler counters in PostgreSQL, so a limit holds however many API processes share the database.
 * One atomic upsert per hit: a fixed window that restarts when it expires, and a block that starts
 * when the count passes the limit. Time comes from the database so processes agree on it.
 */
const INCREMENT = `
WITH hit AS (
  INSERT INTO throttle_bucket AS b (key, hits, expires_at, blocked_until)
  VALUES (?, 1, now() + make_interval(secs => ?::float8 / 1000), NULL)
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN b.expires_at <= now() THEN 1 ELSE b.hits + 1 END,
    expires_at = CASE WHEN b.expires_at <= now() THEN EXCLUDED.expires_at ELSE b.expires_at END,
    blocked_until = CASE WHEN b.blocked_until > now() THEN b.blocked_until ELSE NULL END
  RETURNING b.key, b.hits, b.expires_at, b.blocked_until
), blocked AS (
  UPDATE throttle_bucket AS b SET blocked_until = now() + make_interval(secs => ?::float8 / 1000)
  FROM hit WHERE b.key = hit.key AND hit.hits > ? AND hit.blocked_until IS NULL
  RETURNING b.blocked_until
)
SELECT hit.hits,
       ceil(extract(epoch FROM hit.expires_at - now()))::int AS time_to_expire,
       ceil(extract(epoch FROM coalesce((SELECT blocked_until FROM blocked), hit.blocked_until) - now()))::int AS time_to_block_expire
FROM hit`;

@Injectable()
export class PostgresThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly orm: MikroORM) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const bucket = `${throttlerName}:${key}`;
    const [row] = await this.orm.em
      .getConnection()
      .execute<{ hits: number; time_to_expire: number; time_to_block_expire: number | null }[]>(INCREMENT, [bucket, ttl, blockDuration, limit]);
    const timeToBlockExpire = Math.max(0, row.time_to_block_expire ?? 0);
    return {
      totalHits: row.hits,
      timeToExpire: Math.max(0, row.time_to_expire),
      isBlocked: timeToBlockExpire > 0,
      timeToBlockExpire,
    };
  }
}
