import { EntityManager } from '@mikro-orm/core';

/** SQLSTATEs worth retrying: serialization failure, deadlock, lock not available. */
const TRANSIENT = new Set(['40001', '40P01', '55P03']);
const ATTEMPTS = 6;

/** ORM exceptions and raw driver errors (from `execute`) both carry the SQLSTATE in `code`. */
export function isTransient(error: unknown): boolean {
  return isTransientSqlState((error as { code?: string } | undefined)?.code);
}

export function isTransientSqlState(code: string | undefined): boolean {
  return code !== undefined && TRANSIENT.has(code);
}

/** Socket errors of a connection that could not be made or was lost. */
const CONNECTION_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that shuts down, restarts, refuses or drops connections: admin_shutdown,
 * crash_shutdown, cannot_connect_now, too_many_connections (class 08 is matched as a class).
 */
const CONNECTION_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** What pg, knex and tarn say when a connection could not be had or broke under a query. */
const CONNECTION_MESSAGES = [
  /Timeout acquiring a connection/i,
  /Connection terminated/i,
  /is not queryable/i,
  /is not currently accepting connections/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  /server closed the connection unexpectedly/i,
];

/**
 * A database that cannot be reached right now: refused, reset or dropped connections, a server
 * that shuts down or restarts, a broken pooled connection, a pool that cannot hand one out. The
 * request did not fail on its own merits and may succeed in a few seconds (503, not 500). Looks
 * through MikroORM's wrapping (`previous`), `cause` and the attempts of an AggregateError.
 */
export function isConnectionFailure(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (candidate: unknown, depth: number): boolean => {
    if (typeof candidate !== 'object' || candidate === null || depth > 5 || seen.has(candidate)) return false;
    seen.add(candidate);
    const { code, message, previous, cause, errors } = candidate as {
      code?: unknown;
      message?: unknown;
      previous?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string') {
      if (CONNECTION_ERRNOS.has(code) || CONNECTION_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))
        return true;
    }
    if (typeof message === 'string' && CONNECTION_MESSAGES.some((pattern) => pattern.test(message)))
      return true;
    return (
      visit(previous, depth + 1) ||
      visit(cause, depth + 1) ||
      (Array.isArray(errors) && errors.some((inner) => visit(inner, depth + 1)))
    );
  };
  return visit(error, 0);
}

/**
 * Runs `work` in a transaction on a fork of `em`, retrying deadlocks and serialization failures
 * with jittered backoff, so callers never see them. Work must be safe to run again (it is: the
 * transaction rolled back).
 */
export async function inTransaction<T>(
  em: EntityManager,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await em.fork().transactional((tx) => work(tx));
    } catch (error) {
      if (!isTransient(error) || attempt >= ATTEMPTS) throw error;
      const delay = Math.random() * 10 * 2 ** attempt;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
