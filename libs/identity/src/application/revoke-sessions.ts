import type { Account } from '../infra/account.entity';

/**
 * Ends every access token these accounts hold: raises their token version, which each request
 * compares (platform's SessionCheck). The caller flushes, then tells SessionCheck to `forget` the
 * returned ids so this process sees the change at once (others within SESSION_CACHE_MS).
 */
export function revokeSessions(accounts: Iterable<Account>): string[] {
  const ids: string[] = [];
  for (const account of accounts) {
    account.tokenVersion += 1;
    ids.push(account.id);
  }
  return ids;
}
