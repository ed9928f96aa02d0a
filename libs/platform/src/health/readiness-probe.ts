import { Pool } from 'pg';

export type Readiness =
  | { ready: true }
  | { ready: false; reason: 'database-down' }
  | { ready: false; reason: 'migrations-pending'; pending: number };

/** A probe that cannot tell within this long answers "not ready" (Kubernetes' default probe timeout is 1 s). */
export const READINESS_TIMEOUT_MS = 1_000;

/** MikroORM's record of applied migrations (orm-options.ts). */
const MIGRATIONS_TABLE = 'mikro_orm_migrations';
const UNDEFINED_TABLE = '42P01';

/**
 * Readiness on a connection of its own: the request pool may be saturated by slow requests, and
 * a probe queued behind them would time out at the load balancer, which then takes a busy but
 * healthy process out of service. One statement answers both questions (does the database answer,
 * is every migration applied), bounded by connect, statement and client-side timeouts.
 */
export class ReadinessProbe {
  private readonly pool: Pool;
  private running?: Promise<Readiness>;

  constructor(
    url: string,
    private readonly migrationNames: readonly string[],
    timeoutMs = READINESS_TIMEOUT_MS,
  ) {
    this.pool = new Pool({
      connectionString: url,
      max: 1,
      // Keep the one connection open: a probe should not pay for a connect.
      idleTimeoutMillis: 0,
      connectionTimeoutMillis: timeoutMs,
      statement_timeout: timeoutMs,
      // Client-side too: a server that stopped answering altogether cancels nothing itself.
      query_timeout: timeoutMs,
      application_name: 'linli-readiness',
    });
    // A connection the server closed must not crash the process; the next probe reconnects.
    this.pool.on('error', () => undefined);
  }

  /** Concurrent probes share one round trip, so a burst of them never queues on the one connection. */
  check(): Promise<Readiness> {
    this.running ??= this.query().finally(() => (this.running = undefined));
    return this.running;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async query(): Promise<Readiness> {
    try {
      const { rows } = await this.pool.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE}`);
      const applied = new Set(rows.map((row) => row.name));
      const pending = this.migrationNames.filter((name) => !applied.has(name)).length;
      return pending ? { ready: false, reason: 'migrations-pending', pending } : { ready: true };
    } catch (error) {
      if ((error as { code?: string }).code === UNDEFINED_TABLE) {
        return { ready: false, reason: 'migrations-pending', pending: this.migrationNames.length };
      }
      return { ready: false, reason: 'database-down' };
    }
  }
}
