import { Injectable } from '@nestjs/common';
import { SqlDatabase } from '@linli/platform';

/** One entry of the audit trail: how many minutes, when served, why, and who wrote it down. */
export interface HoursAdjustmentView {
  id: string;
  personId: string;
  claimId: string | null;
  minutes: number;
  occurredAt: Date;
  reason: string;
  createdBy: { accountId: string; name: string | null };
  createdAt: Date;
}

interface AdjustmentRow {
  id: string;
  person_id: string;
  claim_id: string | null;
  minutes: number;
  occurred_at: Date;
  reason: string;
  created_by: string;
  created_by_name: string | null;
  created_at: Date;
}

/** The adjustments with the name of whoever wrote each (identity's published views). */
const SELECT_VIEW = `SELECT a.id, a.person_id, a.claim_id, a.minutes, a.occurred_at, a.reason, a.created_by,
         a.created_at, p.name AS created_by_name
    FROM hours_adjustment a
    LEFT JOIN identity_account_v1 ac ON ac.id = a.created_by
    LEFT JOIN identity_person_v1 p ON p.id = ac.person_id`;

/** Reads of the hours adjustments' audit trail. */
@Injectable()
export class HoursAdjustmentQueries {
  constructor(private readonly db: SqlDatabase) {}

  async byId(id: string): Promise<HoursAdjustmentView | undefined> {
    const [row] = await this.db.query<AdjustmentRow>(`${SELECT_VIEW} WHERE a.id = $1`, [id]);
    return row && view(row);
  }

  /** A person's adjustments, newest first, one page of them, and how many there are. */
  async ofPerson(
    communityId: string,
    personId: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: HoursAdjustmentView[]; total: number }> {
    const [rows, [count]] = await Promise.all([
      this.db.query<AdjustmentRow>(
        `${SELECT_VIEW}
          WHERE a.community_id = $1 AND a.person_id = $2
          ORDER BY a.created_at DESC, a.id DESC
          LIMIT $3 OFFSET $4`,
        [communityId, personId, page.limit, page.offset],
      ),
      this.db.query<{ total: number }>(
        `SELECT count(*)::int AS total FROM hours_adjustment a WHERE a.community_id = $1 AND a.person_id = $2`,
        [communityId, personId],
      ),
    ]);
    return { items: rows.map(view), total: count.total };
  }
}

function view(row: AdjustmentRow): HoursAdjustmentView {
  return {
    id: row.id,
    personId: row.person_id,
    claimId: row.claim_id,
    minutes: row.minutes,
    occurredAt: row.occurred_at,
    reason: row.reason,
    createdBy: { accountId: row.created_by, name: row.created_by_name },
    createdAt: row.created_at,
  };
}
