import { Injectable } from '@nestjs/common';
import { SqlDatabase, isUuid } from '@linli/platform';

/** What an invite tells about a shift beyond its event: the description, the estate's name, whose record it staffs. */
export interface ShiftInviteExtras {
  id: string;
  description: string | null;
  estateName: string | null;
  originContext: string | null;
}

@Injectable()
export class ShiftInviteQueries {
  constructor(private readonly db: SqlDatabase) {}

  /** The extras of many shifts in one statement (unknown ids are left out). */
  async extras(shiftIds: Iterable<string>): Promise<ShiftInviteExtras[]> {
    const ids = [...new Set(shiftIds)].filter(isUuid);
    if (!ids.length) return [];
    const rows = await this.db.query<{
      id: string;
      description: string | null;
      estate_name: string | null;
      origin_context: string | null;
    }>(
      `SELECT s.id, s.description, e.name AS estate_name, s.origin_context
         FROM shift s LEFT JOIN identity_estate_v1 e ON e.id = s.estate_id
        WHERE s.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((row) => ({
      id: row.id,
      description: row.description,
      estateName: row.estate_name,
      originContext: row.origin_context,
    }));
  }
}
