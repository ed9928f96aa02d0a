/**
 * What to do after a send failed. Pure: the dispatcher passes the error's SMTP facts, the attempt
 * count and a random number (for jitter), and gets back "retry after N ms" or "fail now".
 *
 * nodemailer never retries by itself. Connection trouble and 4xx replies (greylisting, 421 "try
 * later", mailbox busy) are temporary; 5xx replies (no such user, rejected as spam) and
 * authentication failures will not get better by asking again, so they fail at once and are
 * reported in last_error instead of hammering the server.
 */
export interface SendFailure {
  /** nodemailer's error code: ECONNECTION, ETIMEDOUT, ESOCKET, EAUTH, EENVELOPE, EMESSAGE, … */
  code?: string;
  /** The SMTP reply code, when the server answered. */
  responseCode?: number;
  message: string;
}

export interface BackoffSettings {
  /** Delay before the second attempt, before jitter. */
  baseDelayMs: number;
  /** No delay grows beyond this. */
  maxDelayMs: number;
}

export type FailureDecision =
  { action: 'retry'; delayMs: number; reason: string } | { action: 'fail'; reason: string };

/** Errors nodemailer raises before or outside an SMTP reply that say nothing about the message itself. */
const PERMANENT_CODES = new Set(['EAUTH', 'ENOAUTH', 'EMESSAGE', 'EENVELOPE', 'ESTREAM', 'EOAUTH2']);

export function isPermanent(failure: SendFailure): boolean {
  if (failure.responseCode !== undefined) {
    if (failure.responseCode >= 500) return true;
    if (failure.responseCode >= 400) return false;
  }
  // EENVELOPE with a 4xx reply was handled above; without one it is a malformed address.
  return failure.code !== undefined && PERMANENT_CODES.has(failure.code);
}

/**
 * Exponential backoff with "equal jitter": half the exponential delay is fixed, half is random, so
 * workers that failed together (the server went down for everyone) do not come back together.
 * `attempt` is the attempt that just failed (1 for the first).
 */
export function backoffDelayMs(attempt: number, settings: BackoffSettings, random: number): number {
  const exponential = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (exponential / 2) * Math.min(1, Math.max(0, random)));
}

export function describeFailure(failure: SendFailure): string {
  const parts = [failure.code, failure.responseCode].filter((part) => part !== undefined);
  const text = `${parts.length ? `${parts.join(' ')}: ` : ''}${failure.message}`;
  return text.length > 1000 ? `${text.slice(0, 997)}...` : text;
}

export function decideAfterFailure(
  failure: SendFailure,
  attempts: number,
  maxAttempts: number,
  backoff: BackoffSettings,
  random: number,
): FailureDecision {
  const reason = describeFailure(failure);
  if (isPermanent(failure)) return { action: 'fail', reason };
  if (attempts >= maxAttempts)
    return { action: 'fail', reason: `gave up after ${attempts} attempts: ${reason}` };
  return { action: 'retry', delayMs: backoffDelayMs(attempts, backoff, random), reason };
}
