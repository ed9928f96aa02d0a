import type { EntityManager } from '@mikro-orm/core';
import { sqlIn } from '@linli/platform';

/**
 * Serialises writes to one community's holidays of one year (an import replacing the year, a day
 * edited meanwhile) until the transaction of `em` ends. An advisory lock, because the first import
 * of a year has no row to lock yet.
 */
export async function lockHolidayYear(em: EntityManager, communityId: string, year: number): Promise<void> {
  await sqlIn(em)('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `holidays:${communityId}:${year}`,
  ]);
}
