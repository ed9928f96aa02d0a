import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, base64url: 43 characters, safe in a path without escaping. */
const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newFeedToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Lower-case hex SHA-256: what the database keeps and looks feeds up by. */
export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Anything else cannot be one of ours: answered 404 without asking the database. */
export function looksLikeFeedToken(candidate: string): boolean {
  return TOKEN_SHAPE.test(candidate);
}

/**
 * The stored hash really is this token's. The index lookup already matched it; comparing again in
 * constant time means no answer ever depends on how much of a guess was right.
 */
export function tokenMatches(token: string, storedHash: string): boolean {
  const presented = createHash('sha256').update(token, 'utf8').digest();
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}
