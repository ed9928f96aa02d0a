import type { BackoffSettings } from './retry-policy';

/** How the dispatcher works; built from AppConfig (mail.*) in DispatchModule, small in tests. */
export interface DispatchSettings {
  from: string;
  maxAttempts: number;
  backoff: BackoffSettings;
  /** Rows claimed per dispatchOnce. */
  batch: number;
  /** How long a claim holds; past it the row is due again. Must exceed one batch's sending time. */
  leaseSeconds: number;
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
  messageIdDomain: 'linli.local',
};
