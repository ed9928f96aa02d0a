import { Pool, type PoolClient, type QueryResultRow } from 'pg';
import type { Sql } from './sql';
import { PreparedStatement } from './prepared-statement';
import { isConnectionFailure, isTransientSqlState } from './transaction';

const ATTEMPTS = 6;

export interface SqlTransactionOptions {
  /**
   * Statements sent together with BEGIN in one round trip (simple protocol: no parameters, so they
   * may only inline checked UUIDs and numbers). `work` gets the rows of the last of them.
   */
  firstStatements?: string;
  /** Statements `firstStatements` runs with `EXECUTE`: prepared on the connection if it lacks them. */
  prepared?: readonly PreparedStatement[];
}

/**
 * Units of work written wholly in SQL (the claim hot path, event consumers, the mail dispatcher,
 * ticks): a `pg` pool of the platform's own, beside the ORM's, with `$n` parameters and pg's
 * type parsers (timestamps are `Date`). Deadlocks and serialization failures are retried with
 * jittered backoff, so callers never see them; the work must be safe to run again (it is: the
 * transaction rolled back). See docs/decisions/0012-one-sql-idiom.md.
 */
export class SqlDatabase {
  private readonly pool: Pool;
  /** The SQL-level prepared statements each connection has (a new connection has none). */
  private readonly preparedOn = new WeakMap<PoolClient, Set<string>>();

  constructor(url: string, max = 10) {
    this.pool = new Pool({ connectionString: url, max });
    // An idle connection the server closed must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  /** One statement outside any transaction. */
  readonly query: Sql = async <Row extends object>(
    statement: string | PreparedStatement,
    params?: readonly unknown[],
  ) => (await this.pool.query<Row & QueryResultRow>(queryOf(statement, params))).rows;

  async transaction<T>(
    work: (sql: Sql, first: Record<string, unknown>[]) => Promise<T>,
    options: SqlTransactionOptions = {},
  ): Promise<T> {
    let reconnected = false;
    for (let attempt = 1; ; attempt++) {
      let client: PoolClient | undefined;
      let open = false;
      let broken = false;
      let begun = false;
      try {
        client = await this.pool.connect();
        // A connection whose PREPAREs failed part-way is not reused (PREPARE is not rolled back).
        if (options.prepared)
          await this.prepare(client, options.prepared).catch((error: unknown) => {
            broken = true;
            throw error;
          });
        const opened = (await client.query(`BEGIN;${options.firstStatements ?? ''}`)) as unknown as
          { rows: Record<string, unknown>[] } | { rows: Record<string, unknown>[] }[];
        open = true;
        begun = true;
        const first = Array.isArray(opened) && opened.length > 1 ? opened[opened.length - 1].rows : [];
        const result = await work(clientSql(client), first);
        await client.query('COMMIT');
        open = false;
        return result;
      } catch (error) {
        if (isConnectionFailure(error)) {
          broken = true;
          // No connection, or one that broke before the work ran: nothing happened, so one more
          // try on a fresh connection is safe for any caller. Later, the outcome of a COMMIT may
          // be unknown: the caller gets the failure (503 at the HTTP edge).
          if (begun || reconnected) throw error;
          reconnected = true;
          await new Promise((resolve) => setTimeout(resolve, 100));
          continue;
        }
        if (open) await client?.query('ROLLBACK').catch(() => (broken = true));
        const code = (error as { code?: string }).code;
        if (!isTransientSqlState(code) || attempt >= ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt));
      } finally {
        client?.release(broken);
      }
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** One round trip, once per connection and statement; outside any transaction (PREPARE is not transactional). */
  private async prepare(client: PoolClient, statements: readonly PreparedStatement[]): Promise<void> {
    let names = this.preparedOn.get(client);
    if (!names) this.preparedOn.set(client, (names = new Set()));
    const missing = statements.filter((statement) => !names.has(statement.name));
    if (!missing.length) return;
    await client.query(missing.map((statement) => statement.prepare).join(';\n'));
    for (const statement of missing) names.add(statement.name);
  }
}

function clientSql(client: PoolClient): Sql {
  return async <Row extends object>(statement: string | PreparedStatement, params?: readonly unknown[]) =>
    (await client.query<Row & QueryResultRow>(queryOf(statement, params))).rows;
}

/** A prepared statement goes by its name: pg parses it on a connection once, then only binds. */
function queryOf(statement: string | PreparedStatement, params?: readonly unknown[]) {
  const values = params as unknown[] | undefined;
  return typeof statement === 'string'
    ? { text: statement, values }
    : { name: statement.name, text: statement.text, values };
}
