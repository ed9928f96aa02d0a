import { EntityManager } from '@mikro-orm/core';
import type { PoolClient, QueryResultRow } from 'pg';
import { isTransientSqlState } from './transaction';

import type { Sql } from './sql';

const ATTEMPTS = 6;

/**
 * A transaction on a raw `pg` connection borrowed from the ORM's pool, for the few hot paths where
 * the ORM's and knex's per-query machinery costs more than the database work (see the claims
 * benchmark). `firstStatements` are sent together with BEGIN in one round trip (simple protocol,
 * so they must not carry user text: only checked UUIDs and numbers); `work` gets the rows of the
 * last of them. Deadlocks and serialization failures are retried.
 */
export async function inSqlTransaction<T>(
  em: EntityManager,
  work: (sql: Sql, first: Record<string, unknown>[]) => Promise<T>,
  firstStatements = '',
): Promise<T> {
  const knex = (
    em.getConnection() as unknown as {
      getKnex(): {
        client: { acquireConnection(): Promise<PoolClient>; releaseConnection(c: PoolClient): Promise<void> };
      };
    }
  ).getKnex();
  for (let attempt = 1; ; attempt++) {
    const client = await knex.client.acquireConnection();
    let open = false;
    try {
      const opened = (await client.query(`BEGIN;${firstStatements}`)) as unknown as {
        rows: Record<string, unknown>[];
      }[];
      open = true;
      const sql: Sql = async (text, params) => (await client.query(text, params as unknown[])).rows;
      // The rows of the last of the first statements, if any.
      const first = Array.isArray(opened) && opened.length > 1 ? opened[opened.length - 1].rows : [];
      const result = await work(sql, first);
      await client.query('COMMIT');
      open = false;
      return result;
    } catch (error) {
      if (open) await client.query('ROLLBACK').catch(() => undefined);
      const code = (error as { code?: string }).code;
      if (!isTransientSqlState(code) || attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt));
    } finally {
      await knex.client.releaseConnection(client);
    }
  }
}
