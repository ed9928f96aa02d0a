import { Injectable } from '@nestjs/common';
import { SqlDatabase } from '@linli/platform';
import type { ClaimStatus } from './claim.entity';
import type { ShiftStatus } from './shift.entity';

/** A person's place on a shift, with what their own list shows of the shift. */
export interface MyShiftRow {
  claim_id: string;
  claim_status: Exclude<ClaimStatus, 'cancelled'>;
  source: string;
  checked_in_at: Date | null;
  checked_out_at: Date | null;
  /** 1 for the first in line; null unless waitlisted. */
  waitlist_position: number | null;
  shift_id: string;
  title: string;
  location_text: string | null;
  estate_id: string | null;
  estate_name: string | null;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  shift_status: ShiftStatus;
  /** The shift's own cancellation cut-off; null: the community's default applies. */
  cancel_cutoff_minutes: number | null;
}

/**
 * "My shifts": one indexed read of the person's claims (`claim (community, person, starts_at)`)
 * that are not cancelled and overlap the window, with the shift and its estate's name.
 */
@Injectable()
export class MyShiftsQueries {
  constructor(private readonly db: SqlDatabase) {}

  forPerson(
    communityId: string,
    personId: string,
    window: { from: Date; to: Date },
    limit: number,
  ): Promise<MyShiftRow[]> {
    return this.db.query<MyShiftRow>(
      `SELECT c.id AS claim_id, c.status AS claim_status, c.source, c.checked_in_at, c.checked_out_at,
              CASE WHEN c.status = 'waitlisted' THEN (
                SELECT count(*)::int FROM claim w
                 WHERE w.shift_id = c.shift_id AND w.status = 'waitlisted'
                   AND (w.created_at, w.id) <= (c.created_at, c.id)
              ) END AS waitlist_position,
              s.id AS shift_id, s.title, s.location_text, s.estate_id, e.name AS estate_name,
              s.starts_at, s.ends_at, s.time_zone, s.status AS shift_status, s.cancel_cutoff_minutes
         FROM claim c
         JOIN shift s ON s.id = c.shift_id
         LEFT JOIN identity_estate_v1 e ON e.id = s.estate_id
        WHERE c.community_id = $1 AND c.person_id = $2 AND c.status <> 'cancelled'
          AND c.starts_at < $4 AND c.ends_at > $3
        ORDER BY c.starts_at, c.id
        LIMIT $5`,
      [communityId, personId, window.from, window.to, limit],
    );
  }
}
