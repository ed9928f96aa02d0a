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
