import type { EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { sqlIn } from '@linli/platform';
import { newCheckInSecret } from './shift.entity';

/** One occurrence to materialise: its identity (original start) and its times. */
export interface OccurrenceRow {
  occurrence: Date;
  startsAt: Date;
  endsAt: Date;
}

const run = <Row extends object = Record<string, unknown>>(
  em: EntityManager,
  sql: string,
  params: unknown[],
) => sqlIn(em)<Row>(sql, params);

/**
 * Inserts one shift per occurrence, copying the template from the series row, and skips
 * occurrences the series already has: ON CONFLICT on the unique (series_id, series_occurrence),
 * so two workers (or a retry) never create a shift twice. Answers the ids actually inserted.
 */
export async function insertSeriesShifts(
  em: EntityManager,
  seriesId: string,
  rows: OccurrenceRow[],
): Promise<string[]> {
  if (!rows.length) return [];
  const payload = JSON.stringify(
    rows.map((row) => ({
      id: randomUUID(),
      occurrence: row.occurrence.toISOString(),
      starts_at: row.startsAt.toISOString(),
      ends_at: row.endsAt.toISOString(),
      checkin_code: newCheckInSecret(),
    })),
  );
  const inserted = await run<{ id: string }>(
    em,
    `INSERT INTO shift (id, community_id, title, description, location_text, estate_id, origin_context,
            origin_id, starts_at, ends_at, time_zone, capacity, required_qualifications, min_age,
            reserved_for_kinds, series_id, series_occurrence, signup_opens_days, cancel_cutoff_minutes,
            release_lead_minutes, checkin_code, created_at, updated_at)
     SELECT o.id, s.community_id, s.title, s.description, s.location_text, s.estate_id, s.origin_context,
            s.origin_id, o.starts_at, o.ends_at, s.time_zone, s.capacity, s.required_qualifications, s.min_age,
            s.reserved_for_kinds, s.id, o.occurrence, s.signup_opens_days, s.cancel_cutoff_minutes,
            s.release_lead_minutes, o.checkin_code, now(), now()
       FROM shift_series s
      CROSS JOIN jsonb_to_recordset($1::jsonb)
            AS o(id uuid, occurrence timestamptz, starts_at timestamptz, ends_at timestamptz, checkin_code text)
      WHERE s.id = $2
     ON CONFLICT (series_id, series_occurrence) DO NOTHING
     RETURNING id`,
    [payload, seriesId],
  );
  return inserted.map((row) => row.id);
}

/**
 * Points shifts at (possibly another) series and occurrence. Cleared first, then set: the unique
 * (series_id, series_occurrence) is checked row by row, and two shifts may swap occurrences.
 */
export async function rekeySeriesShifts(
  em: EntityManager,
  communityId: string,
  moves: { shiftId: string; seriesId: string; occurrence: Date }[],
): Promise<void> {
  if (!moves.length) return;
  const payload = JSON.stringify(
    moves.map((m) => ({ id: m.shiftId, series_id: m.seriesId, occurrence: m.occurrence.toISOString() })),
  );
  await run(
    em,
    `UPDATE shift SET series_occurrence = NULL
      WHERE community_id = $1 AND id IN (SELECT id FROM jsonb_to_recordset($2::jsonb) AS m(id uuid))`,
    [communityId, payload],
  );
  await run(
    em,
    `UPDATE shift s SET series_id = m.series_id, series_occurrence = m.occurrence
       FROM jsonb_to_recordset($1::jsonb) AS m(id uuid, series_id uuid, occurrence timestamptz)
      WHERE s.id = m.id AND s.community_id = $2`,
    [payload, communityId],
  );
}

/**
 * A shift cancelled because its occurrence left the series no longer stands for it, so the
 * occurrence can come back (a weekday dropped, then added again) as a new shift.
 */
export async function releaseOccurrence(em: EntityManager, communityId: string, shiftId: string) {
  await run(
    em,
    `UPDATE shift SET series_occurrence = NULL WHERE id = $1 AND community_id = $2 AND status = 'cancelled'`,
    [shiftId, communityId],
  );
}

/**
 * Sets whether a shift follows its series. After a series-wide change the shift follows it again
 * (unless someone changed it by hand since: then its version moved on and this does nothing).
 */
export async function setEditedByHand(
  em: EntityManager,
  communityId: string,
  shiftId: string,
  editedByHand: boolean,
  ifVersion?: number,
): Promise<void> {
  await run(
    em,
    `UPDATE shift SET edited_by_hand = $1
      WHERE id = $2 AND community_id = $3${ifVersion === undefined ? '' : ' AND version = $4'}`,
    [editedByHand, shiftId, communityId, ...(ifVersion === undefined ? [] : [ifVersion])],
  );
}

/**
 * Series whose shifts do not yet reach the horizon, least recently extended first. A hint for
 * the tick: each one is then locked with SKIP LOCKED, so workers share the work.
 */
export function seriesDueForMaterialisation(
  em: EntityManager,
  now: Date,
  limit: number,
): Promise<{ id: string; community_id: string }[]> {
  return run<{ id: string; community_id: string }>(
    em,
    `SELECT s.id, s.community_id
       FROM shift_series s
       LEFT JOIN volunteering_settings v ON v.community_id = s.community_id
      WHERE (s.ended_at IS NULL OR s.materialised_until IS NULL OR s.materialised_until < s.ended_at)
        AND (s.materialised_until IS NULL
             OR s.materialised_until < $1::timestamptz + make_interval(weeks => coalesce(v.horizon_weeks, 8)))
      ORDER BY s.materialised_until ASC NULLS FIRST, s.id
      LIMIT $2`,
    [now, limit],
  );
}
