import type { EntityManager } from '@mikro-orm/core';
import { sqlIn } from '@linli/platform';

/** Any fixed number: the advisory lock that lets one process seed while others wait. */
const SEED_LOCK = 20_261_128;

/** Holds the demo seed's lock until the transaction of `em` ends. */
export async function lockDemoSeed(em: EntityManager): Promise<void> {
  await sqlIn(em)('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
}
