import { Logger } from '@nestjs/common';
import type { SqlDatabase } from '../database/sql-database';
import type { Sql } from '../database/sql';
import type { EventGap } from './event-cursor.entity';
import type { ContractEvent, EventContracts } from './event-contract';

export interface ConsumeOptions<C extends EventContracts> {
  /** The cursor's name, e.g. 'calendar-invites'. */
  consumer: string;
  /**
   * The events handed to the handler, with the publisher's schemas (`pickEvents(...)`); the
   * others only move the cursor. A payload its schema refuses is parked (parked_event), logged
   * and skipped.
   */
  contracts: C;
  batchSize?: number;
  /**
   * How long an unseen id below the cursor is watched for a late commit before it counts as
   * rolled back. Longer than any transaction that writes events may run.
   */
  gapGraceSeconds?: number;
}

export interface ConsumeResult {
  /** false when another worker holds the cursor: it is doing this work right now. */
  claimed: boolean;
  /** Events read (all types). */
  read: number;
  /** Events handed to the handler. */
  handled: number;
  /** Events of a handled type whose payload did not match its schema. */
  parked: number;
}

const MAX_GAPS = 10_000;
const logger = new Logger('EventConsumer');

/**
 * Reads the next batch of outbox events after the consumer's cursor and hands those it has
 * contracts for to `handle`, parsed, in order of id, inside one transaction that also moves the
 * cursor: what the handler writes commits together with the new position, so each event is
 * handled once. The cursor row is locked with FOR UPDATE SKIP LOCKED: concurrent workers skip
 * instead of waiting or duplicating.
 *
 * Event ids are taken at insert but rows become visible at commit, so a later id can be read
 * before an earlier one exists. Ids passed unseen are kept as gaps and looked for again on every
 * batch until `gapGraceSeconds` have passed (then they were rolled back): an event that commits
 * late is handled late, never lost.
 */
export async function consumeEvents<C extends EventContracts>(
  db: SqlDatabase,
  options: ConsumeOptions<C>,
  handle: (events: ContractEvent<C>[], sql: Sql) => Promise<void>,
): Promise<ConsumeResult> {
  const batchSize = options.batchSize ?? 200;
  const graceMs = (options.gapGraceSeconds ?? 120) * 1000;
  const types = Object.keys(options.contracts);
  await db.query(
    `INSERT INTO event_cursor (consumer, last_id, gaps, updated_at) VALUES ($1, 0, '[]', now()) ON CONFLICT (consumer) DO NOTHING`,
    [options.consumer],
  );
  return db.transaction(async (sql) => {
    const [cursor] = await sql<{ last_id: string; gaps: EventGap[]; now: Date }>(
      `SELECT last_id::text AS last_id, gaps, now() AS now FROM event_cursor WHERE consumer = $1 FOR UPDATE SKIP LOCKED`,
      [options.consumer],
    );
    if (!cursor) return { claimed: false, read: 0, handled: 0, parked: 0 };
    const rows = await sql<{
      id: string;
      community_id: string;
      type: string;
      aggregate_id: string;
      version: number;
      payload: unknown;
      occurred_at: Date;
    }>(
      `SELECT id::text AS id, community_id, type, aggregate_id, version,
              CASE WHEN type = ANY($2::text[]) THEN payload END AS payload, occurred_at
         FROM outbox_event
        WHERE id > $1 OR id = ANY($3::bigint[])
        ORDER BY id
        LIMIT $4`,
      [cursor.last_id, types, cursor.gaps.map((gap) => gap.id), batchSize],
    );
    const events: ContractEvent<C>[] = [];
    let parked = 0;
    for (const row of rows) {
      const schema = Object.hasOwn(options.contracts, row.type) ? options.contracts[row.type] : undefined;
      if (!schema) continue;
      const parsed = schema.safeParse(row.payload ?? {});
      if (!parsed.success) {
        parked += await park(sql, options.consumer, row, parsed.error.message);
        continue;
      }
      events.push({
        id: row.id,
        communityId: row.community_id,
        type: row.type,
        aggregateId: row.aggregate_id,
        version: row.version,
        payload: parsed.data,
        occurredAt: row.occurred_at,
      } as ContractEvent<C>);
    }
    if (events.length) await handle(events, sql);
    const next = nextPosition(cursor, rows, graceMs);
    await sql(
      `UPDATE event_cursor SET last_id = $2, gaps = $3::jsonb, updated_at = now() WHERE consumer = $1`,
      [options.consumer, next.lastId, JSON.stringify(next.gaps)],
    );
    return { claimed: true, read: rows.length, handled: events.length, parked };
  });
}

async function park(
  sql: Sql,
  consumer: string,
  row: { id: string; type: string },
  reason: string,
): Promise<number> {
  logger.warn(
    { consumer, eventId: row.id, type: row.type, reason },
    'event payload refused by its schema: parked',
  );
  const inserted = await sql(
    `INSERT INTO parked_event (consumer, event_id, type, reason) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumer, row.id, row.type, reason.slice(0, 4_000)],
  );
  return inserted.length;
}

/** The cursor after a batch: the highest id read, and the ids passed but not (yet) seen. */
export function nextPosition(
  cursor: { last_id: string; gaps: EventGap[]; now: Date },
  rows: { id: string }[],
  graceMs: number,
): { lastId: string; gaps: EventGap[] } {
  const seen = new Set(rows.map((row) => row.id));
  const last = BigInt(cursor.last_id);
  const cutoff = cursor.now.getTime() - graceMs;
  const gaps = cursor.gaps.filter((gap) => !seen.has(gap.id) && Date.parse(gap.since) >= cutoff);
  let highest = last;
  for (const row of rows) if (BigInt(row.id) > highest) highest = BigInt(row.id);
  // Ids only jump by more than a batch when a large transaction rolled back; the cap bounds the list.
  const from = highest - last > BigInt(MAX_GAPS) ? highest - BigInt(MAX_GAPS) : last + 1n;
  const since = cursor.now.toISOString();
  for (let id = from; id < highest; id++) if (!seen.has(String(id))) gaps.push({ id: String(id), since });
  return { lastId: String(highest), gaps: gaps.slice(-MAX_GAPS) };
}
