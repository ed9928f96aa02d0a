import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { MikroORM } from '@mikro-orm/core';
import { sqlIn } from '../database/sql';

/** Worker tick: drops rate-limit counters whose window and block have both ended. */
@Injectable()
export class ThrottleBucketCleanup {
  private readonly logger = new Logger(ThrottleBucketCleanup.name);

  constructor(private readonly orm: MikroORM) {}

  @Interval(10 * 60 * 1000)
  async tick(): Promise<void> {
    try {
      await this.removeExpired();
    } catch (error) {
      this.logger.warn({ err: error }, 'throttle bucket cleanup failed; will retry next tick');
    }
  }

  async removeExpired(): Promise<number> {
    const [removed] = await sqlIn(this.orm.em.fork())<{ count: number }>(
      `WITH removed AS (
         DELETE FROM throttle_bucket WHERE expires_at < now() AND (blocked_until IS NULL OR blocked_until < now())
         RETURNING 1)
       SELECT count(*)::int AS count FROM removed`,
    );
    return removed.count;
  }
}
