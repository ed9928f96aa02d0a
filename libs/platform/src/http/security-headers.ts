import helmet from 'helmet';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Headers every answer carries (helmet 8): `X-Content-Type-Options: nosniff`, a CSP whose
 * `frame-ancestors 'none'` plus `X-Frame-Options: DENY` keep Swagger UI and the web app at `/`
 * out of other sites' frames, and helmet's other defaults. The CSP allows inline styles (antd's
 * CSS-in-JS; helmet's default) but no inline or foreign scripts.
 */
export const securityHeaders: RequestHandler = helmet({
  contentSecurityPolicy: {
    // No upgrade-insecure-requests (helmet's default): served over plain http on a community's
    // network (http://192.168.x.x:3000), it sends the browser to https for every script and the
    // web app stays blank. Deployments behind https use HSTS for that.
    directives: { 'frame-ancestors': ["'none'"], 'upgrade-insecure-requests': null },
  },
  frameguard: { action: 'deny' },
});

/**
 * `/api` answers carry personal data (and the login answer a token): no cache, shared or private,
 * may keep them. A handler that sets its own Cache-Control keeps it (exports say `private, no-store`).
 * Calendar feeds (`/cal`) and health choose their own caching.
 */
export function noStoreOnApi(req: Request, res: Response, next: NextFunction): void {
  if (req.path === '/api' || req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
  next();
}
