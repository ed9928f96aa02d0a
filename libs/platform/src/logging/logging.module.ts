import { randomUUID } from 'node:crypto';
import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serializeErrorForLog } from './error-serializer';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Secrets never reach the log: these paths are replaced before a line is written. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.accessToken',
  '*.token',
];

/**
 * The request id: a well-formed X-Request-Id from the caller, else a new UUID; echoed back. Runs
 * first (see configureHttp) so even body-parser errors carry it, and pino reuses it.
 */
export function assignRequestId(req: IncomingMessage & { id?: unknown }, res: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const offered = req.headers['x-request-id'];
  const id = typeof offered === 'string' && REQUEST_ID.test(offered) ? offered : randomUUID();
  req.id = id;
  res.setHeader('X-Request-Id', id);
  return id;
}

/** Structured JSON logs with a request id on every line; the id is echoed as X-Request-Id. */
@Module({})
export class LoggingModule {
  static forRoot(level: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          // Named wildcard (path-to-regexp 8); the default '*' triggers Nest's legacy-route warning.
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level,
            // Request lines are info: above that level, skip building them at all.
            autoLogging: ['info', 'debug', 'trace'].includes(level),
            redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
            genReqId: (req: IncomingMessage, res: ServerResponse) => assignRequestId(req, res),
            // Paths may carry calendar tokens (/cal/{token}.ics); log the route shape, not the secret.
            serializers: {
              // Database errors: SQLSTATE, constraint and a statement hash, never SQL text or values.
              err: serializeErrorForLog,
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: req.url.replace(/\/cal\/[^/?]+/, '/cal/[token]').split('?')[0],
              }),
            },
            customLogLevel: (_req, res, err) =>
              err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
