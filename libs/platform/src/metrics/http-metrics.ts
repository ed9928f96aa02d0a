import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Metrics } from './metrics';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** The label of an answer no route took (404s, static files, refusals before routing). */
export const NO_ROUTE = '(no route)';

/**
 * Observes every answer in `http_request_duration_seconds`. The route label is the pattern the
 * router matched (`/api/v1/shifts/:id/claims`, `/cal/:token.ics`), never the path itself: ids and
 * feed tokens would make a series per request and put secrets into the metrics. Methods a client
 * invents become `OTHER` for the same reason.
 */
export function httpMetrics(metrics: Metrics): RequestHandler {
  const histogram = metrics.httpRequestDuration;
  return (req: Request, res: Response, next: NextFunction) => {
    const started = performance.now();
    res.once('finish', () => {
      histogram.observe(
        {
          method: METHODS.has(req.method) ? req.method : 'OTHER',
          route: routeOf(req),
          status: res.statusCode,
        },
        (performance.now() - started) / 1000,
      );
    });
    next();
  };
}

function routeOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` : NO_ROUTE;
}
