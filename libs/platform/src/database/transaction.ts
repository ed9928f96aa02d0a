import { EntityManager } from '@mikro-orm/core';
import { DriverException } from '@mikro-orm/core';

/** SQLSTATEs worth retrying: serialization failure, deadlock, lock not available. */
const TRANSIENT = new Set(['40001', '40P01', '55P03']);
const ATTEMPTS = 6;

export function isTransient(error: unknown): boolean {
  return (
    error instanceof DriverException &&
    isTransientSqlState((error as DriverException & { code?: string }).code)
  );
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
