import { randomUUID } from 'node:crypto';
import type { Role, Sql } from '@linli/platform';
import type { RefreshFacts, SessionEndReason } from '../domain/refresh-session';

/** A refresh token to store: its hash, never the secret. */
export interface NewRefreshToken {
  sessionId: string;
  communityId: string;
  tokenHash: string;
  issuedAt: Date;
  expiresAt: Date;
}

/** The token presented, its session and its account, locked for the refresh that judges them. */
export interface LockedRefresh extends RefreshFacts {
  tokenId: string;
  sessionId: string;
  accountId: string;
  communityId: string;
  role: Role;
  personId: string | null;
  organisationId: string | null;
}

interface LockedRow {
  token_id: string;
  token_used_at: Date | null;
  token_expires_at: Date;
  session_id: string;
  session_ended_at: Date | null;
  session_expires_at: Date;
  session_token_version: number;
  account_id: string;
  community_id: string;
  role: Role;
  person_id: string | null;
  organisation_id: string | null;
  account_token_version: number;
  may_act: boolean;
}

/**
 * Browser sessions in SQL (identity's own tables: login_session, refresh_token, account). Every
 * statement that changes a session runs under the lock `lockByTokenHash` takes on the session and
 * token rows, so two refreshes of one token are serialised and exactly one of them rotates it.
 */
export class LoginSessionStore {
  constructor(private readonly sql: Sql) {}

  /** A new session and its first refresh token, in one statement. */
  async start(
    session: { accountId: string; tokenVersion: number; createdAt: Date; expiresAt: Date },
    token: Omit<NewRefreshToken, 'sessionId'>,
  ): Promise<string> {
    const sessionId = randomUUID();
    await this.sql(
      `WITH session AS (
         INSERT INTO login_session (id, community_id, account_id, token_version, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id)
       INSERT INTO refresh_token (id, community_id, session_id, token_hash, issued_at, expires_at)
       SELECT $7, $2, session.id, $8, $9, $10 FROM session`,
      [
        sessionId,
        token.communityId,
        session.accountId,
        session.tokenVersion,
        session.createdAt,
        session.expiresAt,
        randomUUID(),
        token.tokenHash,
        token.issuedAt,
        token.expiresAt,
      ],
    );
    return sessionId;
  }

  /**
   * The token with this hash, its session and account, with the session and token rows locked
   * (READ COMMITTED re-reads both after a wait, so a racing refresh sees the token as used).
   */
  async lockByTokenHash(tokenHash: string): Promise<LockedRefresh | undefined> {
    const [row] = await this.sql<LockedRow>(
      `SELECT t.id AS token_id, t.used_at AS token_used_at, t.expires_at AS token_expires_at,
              s.id AS session_id, s.ended_at AS session_ended_at, s.expires_at AS session_expires_at,
              s.token_version AS session_token_version,
              a.id AS account_id, a.community_id, a.role, a.person_id, a.organisation_id,
              a.token_version AS account_token_version, v.may_act
         FROM refresh_token t
         JOIN login_session s ON s.id = t.session_id
         JOIN account a ON a.id = s.account_id
         JOIN identity_account_v1 v ON v.id = a.id
        WHERE t.token_hash = $1
          FOR UPDATE OF s, t`,
      [tokenHash],
    );
    if (!row) return undefined;
    return {
      tokenId: row.token_id,
      tokenUsedAt: row.token_used_at,
      tokenExpiresAt: row.token_expires_at,
      sessionId: row.session_id,
      sessionEndedAt: row.session_ended_at,
      sessionExpiresAt: row.session_expires_at,
      sessionTokenVersion: row.session_token_version,
      accountId: row.account_id,
      communityId: row.community_id,
      role: row.role,
      personId: row.person_id,
      organisationId: row.organisation_id,
      accountTokenVersion: row.account_token_version,
      accountMayAct: row.may_act,
    };
  }

  /** Marks the presented token used and stores its successor, in one statement. */
  async rotate(usedTokenId: string, usedAt: Date, next: NewRefreshToken): Promise<void> {
    await this.sql(
      `WITH used AS (UPDATE refresh_token SET used_at = $2 WHERE id = $1)
       INSERT INTO refresh_token (id, community_id, session_id, token_hash, issued_at, expires_at)
       VALUES ($3, $4, $5, $6, $7, $8)`,
      [
        usedTokenId,
        usedAt,
        randomUUID(),
        next.communityId,
        next.sessionId,
        next.tokenHash,
        next.issuedAt,
        next.expiresAt,
      ],
    );
  }

  /** Ends a session (its tokens are refused from now on); a session that has ended stays so. */
  async end(sessionId: string, at: Date, reason: SessionEndReason): Promise<void> {
    await this.sql(
      `UPDATE login_session SET ended_at = $2, end_reason = $3 WHERE id = $1 AND ended_at IS NULL`,
      [sessionId, at, reason],
    );
  }

  /** Ends the session a refresh token belongs to, used or not (logout), in one statement. */
  async endByTokenHash(tokenHash: string, at: Date, reason: SessionEndReason): Promise<void> {
    await this.sql(
      `UPDATE login_session SET ended_at = $2, end_reason = $3
        WHERE id = (SELECT session_id FROM refresh_token WHERE token_hash = $1) AND ended_at IS NULL`,
      [tokenHash, at, reason],
    );
  }

  /**
   * Signs the account out everywhere: its token version moves on, which ends every access token it
   * holds (platform's SessionCheck) and every other session of it (their versions no longer match).
   */
  async endEverywhere(accountId: string): Promise<void> {
    await this.sql(`UPDATE account SET token_version = token_version + 1 WHERE id = $1`, [accountId]);
  }

  /** Forgets the account's sessions whose absolute lifetime is over (their tokens go with them). */
  async pruneExpired(accountId: string, now: Date): Promise<void> {
    await this.sql(`DELETE FROM login_session WHERE account_id = $1 AND expires_at <= $2`, [accountId, now]);
  }
}
