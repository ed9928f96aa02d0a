import {
  RefreshFacts,
  RefreshVerdict,
  SESSION_IDLE_DAYS,
  SESSION_MAX_DAYS,
  judgeRefresh,
  refreshTokenExpiresAt,
  sessionEndsAt,
} from './refresh-session';

const DAY = 24 * 60 * 60_000;
const now = new Date('2026-12-07T01:00:00Z');
const at = (days: number) => new Date(now.getTime() + days * DAY);

/** A live session with an unused, unexpired token of an account that may act. */
const live: RefreshFacts = {
  tokenUsedAt: null,
  tokenExpiresAt: at(3),
  sessionEndedAt: null,
  sessionExpiresAt: at(20),
  sessionTokenVersion: 2,
  accountTokenVersion: 2,
  accountMayAct: true,
};

describe('judgeRefresh', () => {
  const cases: [string, Partial<RefreshFacts>, RefreshVerdict][] = [
    ['an unused token of a live session rotates', {}, { kind: 'rotate' }],
    ['a used token of a live session is reuse', { tokenUsedAt: at(-1) }, { kind: 'reused' }],
    [
      'a used token is reuse even past its own idle expiry',
      { tokenUsedAt: at(-10), tokenExpiresAt: at(-1) },
      { kind: 'reused' },
    ],
    ['a session ended (logout) refuses quietly', { sessionEndedAt: at(-1) }, { kind: 'refused' }],
    [
      'a used token of an ended session is refused, not reuse again',
      { sessionEndedAt: at(-1), tokenUsedAt: at(-2) },
      { kind: 'refused' },
    ],
    [
      'a token past its idle time ends the session',
      { tokenExpiresAt: now },
      { kind: 'refused', end: 'expired' },
    ],
    [
      'a session past its absolute lifetime ends',
      { sessionExpiresAt: now, tokenExpiresAt: at(1) },
      { kind: 'refused', end: 'expired' },
    ],
    ['a disabled account ends the session', { accountMayAct: false }, { kind: 'refused', end: 'account' }],
    [
      'an account whose token version moved on (disabled and enabled, signed out everywhere) ends it',
      { accountTokenVersion: 3 },
      { kind: 'refused', end: 'account' },
    ],
    [
      'a used token of an account signed out everywhere is not reuse again',
      { accountTokenVersion: 3, tokenUsedAt: at(-1) },
      { kind: 'refused', end: 'account' },
    ],
  ];

  it.each(cases)('%s', (_name, facts, verdict) => {
    expect(judgeRefresh({ ...live, ...facts }, now)).toEqual(verdict);
  });
});

describe('session lifetimes', () => {
  it('a session ends SESSION_MAX_DAYS after sign-in', () => {
    expect(sessionEndsAt(now)).toEqual(at(SESSION_MAX_DAYS));
  });

  it('a refresh token lives SESSION_IDLE_DAYS, but never past its session', () => {
    expect(refreshTokenExpiresAt(now, at(SESSION_MAX_DAYS))).toEqual(at(SESSION_IDLE_DAYS));
    expect(refreshTokenExpiresAt(now, at(2))).toEqual(at(2));
  });
});
