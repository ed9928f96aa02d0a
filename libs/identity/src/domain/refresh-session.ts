/**
 * Browser sessions (docs/decisions/0021-browser-sessions.md): a sign-in starts a session family;
 * each refresh token of it is good once and is exchanged for the next. Pure rules, explicit time.
 */

const DAY_MS = 24 * 60 * 60_000;

/** A session ends this long after its sign-in, however often it is refreshed. */
export const SESSION_MAX_DAYS = 30;
/**
 * A refresh token not used for this long expires: a weekly volunteer stays signed in, a phone left
 * in a drawer for a fortnight asks for the password again.
 */
export const SESSION_IDLE_DAYS = 14;

/** When a session started at `startedAt` ends at the latest. */
export function sessionEndsAt(startedAt: Date): Date {
  return new Date(startedAt.getTime() + SESSION_MAX_DAYS * DAY_MS);
}

/** When a refresh token issued at `now` expires: after the idle time, never after its session. */
export function refreshTokenExpiresAt(now: Date, sessionEnds: Date): Date {
  return new Date(Math.min(now.getTime() + SESSION_IDLE_DAYS * DAY_MS, sessionEnds.getTime()));
}

/** Why a session ended; `reused` is the alarm: a used refresh token came back. */
export const SESSION_END_REASONS = ['logout', 'reused', 'expired', 'account'] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** What a refresh sees of the token presented, its session and the account. */
export interface RefreshFacts {
  tokenUsedAt: Date | null;
  tokenExpiresAt: Date;
  sessionEndedAt: Date | null;
  sessionExpiresAt: Date;
  /** The account's token version when the session started. */
  sessionTokenVersion: number;
  accountTokenVersion: number;
  /** The account is active and so is its person (identity_account_v1.may_act). */
  accountMayAct: boolean;
}

export type RefreshVerdict =
  | { kind: 'rotate' }
  /** A used token came back: someone else holds this session. End it, and the account's tokens. */
  | { kind: 'reused' }
  /** Refused; `end` says why the session ends now (undefined: it had ended already). */
  | { kind: 'refused'; end?: SessionEndReason };

/**
 * Judges a refresh. An ended session refuses quietly (a late replay after logout proves nothing
 * new). An account that was disabled, lost its person, or was signed out everywhere (its token
 * version moved on) ends the session; so does its absolute lifetime. Only then does a used token
 * mean reuse. A token past its idle time is refused, and the session with it.
 */
export function judgeRefresh(facts: RefreshFacts, now: Date): RefreshVerdict {
  if (facts.sessionEndedAt) return { kind: 'refused' };
  if (facts.sessionExpiresAt.getTime() <= now.getTime()) return { kind: 'refused', end: 'expired' };
  if (!facts.accountMayAct || facts.accountTokenVersion !== facts.sessionTokenVersion) {
    return { kind: 'refused', end: 'account' };
  }
  if (facts.tokenUsedAt) return { kind: 'reused' };
  if (facts.tokenExpiresAt.getTime() <= now.getTime()) return { kind: 'refused', end: 'expired' };
  return { kind: 'rotate' };
}
