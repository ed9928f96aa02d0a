import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Actor, Clock, SessionCheck, SqlDatabase } from '@linli/platform';
import type { LoginResponse } from '../api/auth.schema';
import { identityError } from '../domain/identity-errors';
import { judgeRefresh, refreshTokenExpiresAt, sessionEndsAt } from '../domain/refresh-session';
import { LockedRefresh, LoginSessionStore } from '../infra/login-sessions.store';
import { AccessAnswer } from './access-answer';

/** A refresh token for the cookie: the secret (it exists only there) and how long it lives. */
export interface RefreshGrant {
  token: string;
  lifetimeMs: number;
}

/** Sign-in and refresh both give an access answer and the next refresh token. */
export interface SignedIn {
  answer: LoginResponse;
  refresh: RefreshGrant;
}

/** 32 random bytes, base64url: what the cookie carries. Anything else is refused unread. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

type RefreshOutcome =
  | { kind: 'rotated'; found: LockedRefresh; refresh: RefreshGrant }
  | { kind: 'reused'; found: LockedRefresh }
  | { kind: 'refused' };

/**
 * Browser sessions (docs/decisions/0021-browser-sessions.md): a sign-in starts a session family
 * whose refresh tokens are each good once. Refresh exchanges the token for an access token and the
 * next refresh token; presenting a used token again ends the session and signs the account out
 * everywhere; logout ends the session.
 */
@Injectable()
export class BrowserSessions {
  private readonly logger = new Logger('BrowserSessions');

  constructor(
    private readonly db: SqlDatabase,
    private readonly answers: AccessAnswer,
    private readonly sessionCheck: SessionCheck,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** A new session for an account that has just proved its password. */
  async start(actor: Actor): Promise<RefreshGrant> {
    const now = this.clock.now();
    const sessionEnds = sessionEndsAt(now);
    const secret = newSecret();
    const expiresAt = refreshTokenExpiresAt(now, sessionEnds);
    const store = new LoginSessionStore(this.db.query);
    await store.pruneExpired(actor.accountId, now);
    await store.start(
      {
        accountId: actor.accountId,
        tokenVersion: actor.tokenVersion ?? 0,
        createdAt: now,
        expiresAt: sessionEnds,
      },
      { communityId: actor.communityId, tokenHash: secret.hash, issuedAt: now, expiresAt },
    );
    return { token: secret.token, lifetimeMs: expiresAt.getTime() - now.getTime() };
  }

  /** Exchanges a refresh token for an access answer and the next refresh token. */
  async refresh(token: string | undefined): Promise<SignedIn> {
    if (!token || !TOKEN_SHAPE.test(token)) {
      throw identityError('REFRESH_TOKEN_INVALID', 'No refresh cookie came with this request: sign in');
    }
    const now = this.clock.now();
    const outcome = await this.db.transaction((sql) =>
      judgeAndApply(new LoginSessionStore(sql), hashOf(token), now),
    );
    if (outcome.kind === 'reused') {
      // Committed before we answer: the session is over and the account's access tokens with it.
      this.sessionCheck.forget([outcome.found.accountId]);
      this.logger.warn(
        { accountId: outcome.found.accountId, sessionId: outcome.found.sessionId },
        'A used refresh token was presented again: session ended, account signed out everywhere',
      );
      throw identityError(
        'REFRESH_TOKEN_REUSED',
        'This refresh token was already used; the account has been signed out everywhere: sign in again',
      );
    }
    if (outcome.kind === 'refused') {
      throw identityError('REFRESH_TOKEN_INVALID', 'This sign-in has expired or ended: sign in again');
    }
    const { found } = outcome;
    const answer = await this.answers.for({
      accountId: found.accountId,
      communityId: found.communityId,
      role: found.role,
      personId: found.personId ?? undefined,
      organisationId: found.organisationId ?? undefined,
      tokenVersion: found.accountTokenVersion,
    });
    return { answer, refresh: outcome.refresh };
  }

  /** Ends the session this refresh token belongs to (logout). Unknown or absent: nothing to end. */
  async end(token: string | undefined): Promise<void> {
    if (!token || !TOKEN_SHAPE.test(token)) return;
    await new LoginSessionStore(this.db.query).endByTokenHash(hashOf(token), this.clock.now(), 'logout');
  }
}

/** The refresh transaction: lock, judge (domain), then rotate or end. Safe to run again on a retry. */
async function judgeAndApply(
  store: LoginSessionStore,
  tokenHash: string,
  now: Date,
): Promise<RefreshOutcome> {
  const found = await store.lockByTokenHash(tokenHash);
  if (!found) return { kind: 'refused' };
  const verdict = judgeRefresh(found, now);
  if (verdict.kind === 'rotate') {
    const secret = newSecret();
    const expiresAt = refreshTokenExpiresAt(now, found.sessionExpiresAt);
    await store.rotate(found.tokenId, now, {
      sessionId: found.sessionId,
      communityId: found.communityId,
      tokenHash: secret.hash,
      issuedAt: now,
      expiresAt,
    });
    const lifetimeMs = expiresAt.getTime() - now.getTime();
    return { kind: 'rotated', found, refresh: { token: secret.token, lifetimeMs } };
  }
  if (verdict.kind === 'reused') {
    await store.end(found.sessionId, now, 'reused');
    await store.endEverywhere(found.accountId);
    return { kind: 'reused', found };
  }
  if (verdict.end) await store.end(found.sessionId, now, verdict.end);
  return { kind: 'refused' };
}

function newSecret(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashOf(token) };
}

/** SHA-256 is enough: the secret has 256 random bits, so there is nothing to guess from the hash. */
function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
