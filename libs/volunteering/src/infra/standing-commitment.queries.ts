import type { EntityManager } from '@mikro-orm/core';
import { sqlIn, type Sql } from '@linli/platform';
import type { CommitmentOutcomeKind } from './standing-commitment-outcome.entity';

export interface OutcomeRow {
  shiftId: string;
  startsAt: Date;
  outcome: CommitmentOutcomeKind;
  code: string | null;
  detail: string | null;
  claimId: string | null;
  reservationId: string | null;
}

/** Standing commitments' reads and writes the ORM would make wordier or racier. */
export class StandingCommitmentQueries {
  constructor(private readonly run: Sql) {}

  static in(em: EntityManager): StandingCommitmentQueries {
    return new StandingCommitmentQueries(sqlIn(em));
  }

  /** Open shifts of the series from `from` on that the commitment has not acted on yet, earliest first. */
  async shiftsToApply(
    communityId: string,
    seriesId: string,
    commitmentId: string,
    from: Date,
    limit: number,
  ): Promise<string[]> {
    const rows = await this.run<{ id: string }>(
      `SELECT s.id FROM shift s
        WHERE s.community_id = $1 AND s.series_id = $2 AND s.status = 'open' AND s.starts_at >= $3
          AND NOT EXISTS (SELECT 1 FROM standing_commitment_outcome o
                           WHERE o.commitment_id = $4 AND o.shift_id = s.id)
        ORDER BY s.starts_at, s.id LIMIT $5`,
      [communityId, seriesId, from, commitmentId, limit],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Records what the commitment did on a shift. A place taken wins over a refusal recorded by a
   * concurrent pass (which found the place already taken: by this pass). Answers whether this
   * call wrote the row (so a refusal is announced once).
   */
  async recordOutcome(row: {
    communityId: string;
    commitmentId: string;
    shiftId: string;
    outcome: CommitmentOutcomeKind;
    code?: string | null;
    detail?: string | null;
    claimId?: string | null;
    reservationId?: string | null;
  }): Promise<boolean> {
    const written = await this.run<{ shift_id: string }>(
      `INSERT INTO standing_commitment_outcome AS o
              (commitment_id, shift_id, community_id, outcome, code, detail, claim_id, reservation_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
       ON CONFLICT (commitment_id, shift_id) DO UPDATE
          SET outcome = EXCLUDED.outcome, code = NULL, detail = NULL,
              claim_id = EXCLUDED.claim_id, reservation_id = EXCLUDED.reservation_id
        WHERE o.claim_id IS NULL AND o.reservation_id IS NULL AND EXCLUDED.outcome <> 'refused'
       RETURNING o.shift_id`,
      [
        row.commitmentId,
        row.shiftId,
        row.communityId,
        row.outcome,
        row.code ?? null,
        row.detail ?? null,
        row.claimId ?? null,
        row.reservationId ?? null,
      ],
    );
    return written.length > 0;
  }

  /** Every occurrence the commitment acted on, by start. */
  async outcomes(commitmentId: string): Promise<OutcomeRow[]> {
    const rows = await this.run<{
      shift_id: string;
      starts_at: Date;
      outcome: CommitmentOutcomeKind;
      code: string | null;
      detail: string | null;
      claim_id: string | null;
      reservation_id: string | null;
    }>(
      `SELECT o.shift_id, s.starts_at, o.outcome, o.code, o.detail, o.claim_id, o.reservation_id
         FROM standing_commitment_outcome o JOIN shift s ON s.id = o.shift_id
        WHERE o.commitment_id = $1
        ORDER BY s.starts_at, s.id`,
      [commitmentId],
    );
    return rows.map((row) => ({
      shiftId: row.shift_id,
      startsAt: row.starts_at,
      outcome: row.outcome,
      code: row.code,
      detail: row.detail,
      claimId: row.claim_id,
      reservationId: row.reservation_id,
    }));
  }

  /** Active commitments, least recently updated first: the worker's pass. */
  async active(limit: number): Promise<{ id: string; communityId: string }[]> {
    const rows = await this.run<{ id: string; community_id: string }>(
      `SELECT id, community_id FROM standing_commitment WHERE ended_at IS NULL ORDER BY updated_at, id LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({ id: row.id, communityId: row.community_id }));
  }

  /** Active commitments of one series. */
  async activeOfSeries(communityId: string, seriesId: string): Promise<string[]> {
    const rows = await this.run<{ id: string }>(
      `SELECT id FROM standing_commitment WHERE community_id = $1 AND series_id = $2 AND ended_at IS NULL`,
      [communityId, seriesId],
    );
    return rows.map((row) => row.id);
  }

  /** A series split ("this and following"): the active commitments go on with the new series. */
  async moveToSeries(communityId: string, fromSeriesId: string, toSeriesId: string): Promise<void> {
    await this.run(
      `UPDATE standing_commitment SET series_id = $3, updated_at = now()
        WHERE community_id = $1 AND series_id = $2 AND ended_at IS NULL`,
      [communityId, fromSeriesId, toSeriesId],
    );
  }

  /** Ends an active commitment at `now`; false when it had ended already. */
  async end(commitmentId: string, now: Date): Promise<boolean> {
    const rows = await this.run<{ id: string }>(
      `UPDATE standing_commitment SET ended_at = $2, updated_at = now()
        WHERE id = $1 AND ended_at IS NULL RETURNING id`,
      [commitmentId, now],
    );
    return rows.length > 0;
  }

  /** Marks a worker pass over the commitment, so the next pass starts with others. */
  async touch(commitmentId: string): Promise<void> {
    await this.run(`UPDATE standing_commitment SET updated_at = now() WHERE id = $1`, [commitmentId]);
  }
}
