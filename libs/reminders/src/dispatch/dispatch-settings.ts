import type { BackoffSettings } from './retry-policy';

/** How the dispatcher works; built from AppConfig (mail.*) in DispatchModule, small in tests. */
export interface DispatchSettings {
  from: string;
  maxAttempts: number;
  /** Between attempts at a message the SMTP server refused for now (4xx, connection trouble). */
  backoff: BackoffSettings;
  /** Most rows one claim takes (fewer when sending is slow: see OutboxDispatcher.claimSize). */
  batch: number;
  /**
   * How long a claim holds its rows; past it they are due again (their worker died). Sends start
   * only in the first half; the second half is for the last sends to finish and their outcomes
   * to be written, retried while the database is away.
   */
  leaseSeconds: number;
  /** Messages in flight at once: one per SMTP connection (MAIL_POOL_SIZE). */
  connections: number;
  /** Between tries of an outcome write the database did not take (it was restarting, say). */
  writeBackoff: BackoffSettings;
  /** Message-ID domain when the row has no message_id. */
  messageIdDomain: string;
  /** Jitter source; tests may fix it. */
  random?: () => number;
}

export const DISPATCH_SETTINGS = Symbol('DISPATCH_SETTINGS');

export const DEFAULT_DISPATCH: Omit<DispatchSettings, 'from' | 'maxAttempts'> = {
  backoff: { baseDelayMs: 30_000, maxDelayMs: 3_600_000 },
  batch: 200,
  leaseSeconds: 120,
  connections: 5,
  writeBackoff: { baseDelayMs: 200, maxDelayMs: 5_000 },
  messageIdDomain: 'linli.local',
};
