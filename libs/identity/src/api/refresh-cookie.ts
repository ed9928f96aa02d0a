import type { CookieOptions, Request, Response } from 'express';
import { SESSION_COOKIE_PATH } from '@linli/platform';
import type { RefreshGrant } from '../application/browser-sessions';

/** The browser-session cookie: the refresh token, which only the session endpoints ever see. */
export const REFRESH_COOKIE = 'linli_refresh';

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Path limited to
 * the session endpoints (no other request carries it), and Secure when the client reached us over
 * https (`req.secure` follows TRUST_PROXY): a community's plain-http LAN install still works.
 */
function cookieOptions(req: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', path: SESSION_COOKIE_PATH, secure: req.secure };
}

/** Sets the cookie to live exactly as long as the token (Max-Age), so the browser drops it in time. */
export function setRefreshCookie(req: Request, res: Response, grant: RefreshGrant): void {
  res.cookie(REFRESH_COOKIE, grant.token, { ...cookieOptions(req), maxAge: grant.lifetimeMs });
}

export function clearRefreshCookie(req: Request, res: Response): void {
  res.clearCookie(REFRESH_COOKIE, cookieOptions(req));
}

/** The refresh token the request carries, if any (Express parses no cookies by itself). */
export function refreshCookieOf(req: Request): string | undefined {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === REFRESH_COOKIE) {
      return pair.slice(separator + 1).trim();
    }
  }
  return undefined;
}

/** How the OpenAPI document describes the cookie an answer sets. */
export const REFRESH_COOKIE_HEADER = {
  'Set-Cookie': {
    description: `\`${REFRESH_COOKIE}=<refresh token>; Path=${SESSION_COOKIE_PATH}; HttpOnly; SameSite=Strict\` (and \`Secure\` over https): the browser session's next refresh token, good once`,
    schema: { type: 'string' },
  },
};
