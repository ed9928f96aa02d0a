import type { EntityManager } from '@mikro-orm/core';
import { sqlIn, type Sql } from '@linli/platform';

/** Organisation reservations: what the ORM cannot say (interval arithmetic, try-locks) in one place. */
export class ReservationRepository {
  constructor(private readonly run: Sql) {}

  /** The repository on the unit of work of `em`. */
  static in(em: EntityManager): ReservationRepository {
    return new ReservationRepository(sqlIn(em));
  }

  /**
   * Active reservations past their release time, earliest first: a hint for the worker, which
   * then takes each one with `tryTakeRelease` and the usual locks.
   */
  async due(now: Date, limit: number): Promise<{ id: string; communityId: string; shiftId: string }[]> {
    const rows = await this.run<{ id: string; community_id: string; shift_id: string }>(
      `SELECT id, community_id, shift_id FROM organisation_reservation
        WHERE status = 'active' AND release_at <= $1
        ORDER BY release_at LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => ({ id: row.id, communityId: row.community_id, shiftId: row.shift_id }));
  }

  /**
   * Whether this worker takes the release of a reservation: a try-lock that never waits (so it
   * stands outside the claim store's lock order), letting several workers share the due list
   * instead of queueing behind each other. Held to the end of the transaction.
   */
  async tryTakeRelease(reservationId: string): Promise<boolean> {
    const [row] = await this.run<{ taken: boolean }>(
      `SELECT pg_try_advisory_xact_lock(hashtextextended('reservation-release:' || $1::text, 0)) AS taken`,
      [reservationId],
    );
    return row.taken;
  }

  /** A moved shift's reservations are released the same lead time before its new start. */
  async moveReleaseTimes(shiftId: string, byMs: number): Promise<void> {
    await this.run(
      `UPDATE organisation_reservation SET release_at = release_at + make_interval(secs => $1 / 1000.0)
        WHERE shift_id = $2 AND status = 'active'`,
      [byMs, shiftId],
    );
  }
}
