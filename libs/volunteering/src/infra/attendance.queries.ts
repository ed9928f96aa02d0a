import type { EntityManager } from '@mikro-orm/core';
import { sqlIn, type Sql } from '@linli/platform';

/** Reads of attendance the ORM would make slower or wordier, on volunteering's own tables. */
export class AttendanceQueries {
  constructor(private readonly run: Sql) {}

  static in(em: EntityManager): AttendanceQueries {
    return new AttendanceQueries(sqlIn(em));
  }

  /**
   * Claims checked in and never checked out whose shift ended before `endedBefore`, across
   * communities (a worker's hint; each is then locked and checked again), earliest first.
   */
  async openCheckInsEndedBefore(
    endedBefore: Date,
    limit: number,
  ): Promise<{ id: string; communityId: string; shiftId: string }[]> {
    const rows = await this.run<{ id: string; community_id: string; shift_id: string }>(
      `SELECT id, community_id, shift_id FROM claim
        WHERE status = 'confirmed' AND checked_in_at IS NOT NULL AND ends_at < $1
        ORDER BY ends_at LIMIT $2`,
      [endedBefore, limit],
    );
    return rows.map((row) => ({ id: row.id, communityId: row.community_id, shiftId: row.shift_id }));
  }
}
