import type { IncomingHttpHeaders } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AppConfig } from '../config/app-config';
import { PROBLEM_CONTENT_TYPE, languageFrom, problemFor } from '../errors';

/**
 * Where browser-session cookies are sent (identity's refresh cookie has this Path), so the only
 * requests a browser authenticates by itself. The origin check guards everything under it.
 */
export const SESSION_COOKIE_PATH = '/api/v1/auth';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF guard for the cookie-authenticated endpoints, beside the cookie's SameSite=Strict: a
 * state-changing request whose page is on another site is refused 403 `ORIGIN_NOT_ALLOWED`. The
 * page's origin is the `Origin` header, else the `Referer`'s origin; allowed are the API's own
 * origin (as the client reached it: `req.protocol` and `req.host` follow TRUST_PROXY), the origin
 * of PUBLIC_BASE_URL and WEB_ORIGINS. A request with neither header comes from no web page (curl,
 * a mobile app, a server) and passes: it carries no browser's cookies by accident. `Origin: null`
 * (a sandboxed frame, a file) without a readable Referer is refused.
 */
export function originCheck(config: AppConfig): RequestHandler {
  const configured = new Set(config.http.webOrigins);
  if (config.feeds.publicBaseUrl) configured.add(new URL(config.feeds.publicBaseUrl).origin);
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const page = pageOrigin(req.headers);
    if (page === undefined) return next();
    const own = req.host ? originOf(`${req.protocol}://${req.host}`) : null;
    if (page !== null && (configured.has(page) || page === own)) return next();
    const problem = problemFor(
      'ORIGIN_NOT_ALLOWED',
      `A page on ${page ?? 'an unknown site'} may not call this; allowed: this site and WEB_ORIGINS`,
      {
        language: languageFrom(req.headers['accept-language']),
        instance: req.originalUrl.split('?')[0],
        requestId: (req as Request & { id?: string }).id,
      },
    );
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  };
}

/**
 * The origin of the page a browser says the request comes from: `Origin`, else the `Referer`'s.
 * undefined: neither header (no web page involved); null: present but not a web origin.
 */
export function pageOrigin(headers: IncomingHttpHeaders): string | null | undefined {
  const { origin, referer } = headers;
  if (origin && origin !== 'null') return originOf(origin);
  if (referer) return originOf(referer);
  return origin === 'null' ? null : undefined;
}

/** `scheme://host[:port]` of a URL, lower-cased, default port dropped; null unless http(s). */
function originOf(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
}
