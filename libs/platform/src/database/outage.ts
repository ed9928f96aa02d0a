/** The little the outage log needs from a logger (Nest's Logger fits). */
export interface OutageLogger {
  warn(message: unknown, ...rest: unknown[]): void;
}

export interface DatabaseOutageOptions {
  logger: OutageLogger;
  /** A cheap statement (`SELECT 1`) that resolves once the database answers again. */
  ping: () => Promise<unknown>;
  probeEveryMs?: number;
  now?: () => number;
}

/**
 * Logs a database outage once: one warning when the first connection failure is seen, one when a
 * probe finds the database answering again, whatever the number of requests refused in between.
 */
export class DatabaseOutage {
  private since?: number;
  private failures = 0;
  private probe?: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly options: DatabaseOutageOptions) {}

  get ongoing(): boolean {
    return this.since !== undefined;
  }

  /** A request met a connection failure; only the first of an outage is logged. */
  failed(error: unknown): void {
    this.failures++;
    if (this.since !== undefined || this.closed) return;
    this.since = this.now();
    this.options.logger.warn(
      { reason: describe(error) },
      'Database unreachable: answering 503 SERVICE_UNAVAILABLE until it answers again',
    );
    this.schedule();
  }

  /** The database answered again: logs the end of the outage and stops probing. */
  recovered(): void {
    if (this.since === undefined) return;
    const seconds = Math.round((this.now() - this.since) / 100) / 10;
    const refused = this.failures;
    this.since = undefined;
    this.failures = 0;
    clearTimeout(this.probe);
    this.probe = undefined;
    this.options.logger.warn(
      { outageSeconds: seconds, failedRequests: refused },
      `Database reachable again after ${seconds}s`,
    );
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.probe);
    this.probe = undefined;
  }

  private schedule(): void {
    if (this.closed) return;
    this.probe = setTimeout(() => {
      this.options.ping().then(
        () => this.recovered(),
        () => this.schedule(),
      );
    }, this.options.probeEveryMs ?? 1_000);
    this.probe.unref();
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

/** The failure's code or first line: enough to tell refused from dropped, never a stack or SQL. */
function describe(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  // MikroORM prefixes the driver's message with the statement ("select … - Connection terminated").
  const first =
    typeof message === 'string' ? message.split('\n')[0].split(' - ').pop()?.slice(0, 200) : undefined;
  return [typeof code === 'string' ? code : undefined, first].filter(Boolean).join(': ') || 'unknown';
}
