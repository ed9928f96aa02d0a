import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Inject,
  Logger,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import {
  DriverException,
  ForeignKeyConstraintViolationException,
  NotNullConstraintViolationException,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import type { NextFunction, Request, Response } from 'express';
import { DatabaseOutage } from '../database/outage';
import { SqlDatabase } from '../database/sql-database';
import { isConnectionFailure } from '../database/transaction';
import { DomainError, type FieldError } from './domain-error';
import { errorCodeEntry, type SharedErrorCode } from './error-codes';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, languageFrom, problemFor } from './problem-details';

/** SQLSTATEs the database raises for invariants it holds; each maps to a coded 4xx. */
const SQLSTATE_CODES: Record<string, SharedErrorCode> = {
  '23505': 'ALREADY_EXISTS',
  '23P01': 'CONFLICT',
  '23503': 'REFERENCE_INVALID',
  '23514': 'VALIDATION_FAILED',
  '23502': 'VALIDATION_FAILED',
  '22P02': 'VALIDATION_FAILED',
};

const UNAVAILABLE_DETAIL = 'The database cannot be reached right now; try again in a few seconds';

const HTTP_STATUS_CODES: Record<number, SharedErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/** How long a client should wait after a 503 for a database it cannot reach. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
/** The pause before a safe request is tried once more after a connection failure. */
const SAFE_RETRY_DELAY_MS = 250;
const SAFE_METHODS = new Set(['GET', 'HEAD']);
const RETRIED = Symbol('linli.retriedAfterConnectionFailure');

type FilteredRequest = Request & { id?: string; [RETRIED]?: boolean };

/**
 * Turns every error into RFC 9457 problem+json. Unknown errors are logged and answer a bare 500.
 * A database that cannot be reached (isConnectionFailure) answers 503 SERVICE_UNAVAILABLE with
 * Retry-After, after one more try of a safe (GET/HEAD) request, and the outage is logged once.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter, OnApplicationShutdown {
  private readonly logger = new Logger('Errors');
  private readonly outage?: DatabaseOutage;

  constructor(@Optional() @Inject(SqlDatabase) database?: SqlDatabase) {
    if (database) {
      this.outage = new DatabaseOutage({
        logger: new Logger('Database'),
        ping: () => database.query('SELECT 1'),
      });
    }
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FilteredRequest>();
    const response = http.getResponse<Response>();
    if (isConnectionFailure(exception)) {
      if (this.retrySafeRequest(request, response)) return;
      this.outage?.failed(exception);
    }
    const context = {
      language: languageFrom(request.headers['accept-language']),
      instance: request.originalUrl?.split('?')[0],
      requestId: request.id === undefined ? undefined : String(request.id),
    };
    const problem = this.toProblem(exception, context, request);
    if (problem.status >= 500 && problem.code !== 'SERVICE_UNAVAILABLE') {
      this.logger.error({ err: exception, requestId: context.requestId }, 'Unhandled error');
    }
    if (response.headersSent) return;
    if (problem.code === 'SERVICE_UNAVAILABLE') {
      response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    }
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  onApplicationShutdown(): void {
    this.outage?.close();
  }

  /**
   * A GET or HEAD that met a connection failure goes once more through the whole application
   * (guards included: the session check reads the database too), after a short pause, on fresh
   * connections. It changes nothing, so trying again cannot do harm; a second failure answers 503.
   */
  private retrySafeRequest(request: FilteredRequest, response: Response): boolean {
    if (!SAFE_METHODS.has(request.method) || request[RETRIED] || response.headersSent) return false;
    const app = request.app as unknown as
      { handle?: (req: Request, res: Response, done: NextFunction) => void } | undefined;
    if (typeof app?.handle !== 'function') return false;
    request[RETRIED] = true;
    setTimeout(() => {
      request.url = request.originalUrl;
      app.handle!(request, response, (error?: unknown) => {
        if (response.headersSent) return;
        this.outage?.failed(error);
        response
          .status(503)
          .setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS))
          .type(PROBLEM_CONTENT_TYPE)
          .send(JSON.stringify(problemFor('SERVICE_UNAVAILABLE', UNAVAILABLE_DETAIL)));
      });
    }, SAFE_RETRY_DELAY_MS).unref();
    return true;
  }

  private toProblem(
    exception: unknown,
    context: Parameters<typeof problemFor>[2],
    request: Request,
  ): ProblemDetails {
    if (isConnectionFailure(exception)) {
      return problemFor('SERVICE_UNAVAILABLE', UNAVAILABLE_DETAIL, context);
    }
    if (exception instanceof DomainError && errorCodeEntry(exception.code)) {
      const errors = exception.errors?.map((error) => withRequestPath(error, request));
      return problemFor(exception.code, exception.message, { ...context, errors });
    }
    if (exception instanceof ThrottlerException) {
      return problemFor('TOO_MANY_REQUESTS', 'Too many attempts; wait before trying again', context);
    }
    if (exception instanceof HttpException) {
      const code = HTTP_STATUS_CODES[exception.getStatus()];
      if (code) return problemFor(code, exception.message, context);
      if (exception.getStatus() < 500) return problemFor('VALIDATION_FAILED', exception.message, context);
    }
    if (exception instanceof DriverException) {
      const sqlState = (exception as DriverException & { code?: string }).code;
      const code = sqlState ? SQLSTATE_CODES[sqlState] : undefined;
      if (code) return problemFor(code, describeConstraint(exception), context);
    }
    return problemFor(
      'INTERNAL_ERROR',
      'An unexpected error occurred; quote the request id when reporting it',
      context,
    );
  }
}

/**
 * Domain code names fields as the domain does (`endsAt`); the answer says where the request
 * carried it: the body, the query or the path. Paths that already say so are kept.
 */
export function withRequestPath(
  error: FieldError,
  request: Pick<Request, 'body' | 'query' | 'params' | 'method'>,
): FieldError {
  if (/^(body|query|param|value)(\.|$)/.test(error.field)) return error;
  const top = error.field.split('.')[0];
  const has = (part: unknown) =>
    typeof part === 'object' && part !== null && Object.prototype.hasOwnProperty.call(part, top);
  const where = has(request.body)
    ? 'body'
    : has(request.query)
      ? 'query'
      : has(request.params)
        ? 'param'
        : ['GET', 'HEAD', 'DELETE'].includes(request.method)
          ? 'query'
          : 'body';
  return { ...error, field: `${where}.${error.field}` };
}

/** Names the violated constraint without leaking SQL or values. */
function describeConstraint(exception: DriverException): string {
  const constraint = (exception as DriverException & { constraint?: string }).constraint;
  if (exception instanceof UniqueConstraintViolationException) {
    return constraint
      ? `A record with the same values already exists (${constraint})`
      : 'A record with the same values already exists';
  }
  if (exception instanceof ForeignKeyConstraintViolationException) {
    return 'A referenced record does not exist or is still in use';
  }
  if (exception instanceof NotNullConstraintViolationException) return 'A required value is missing';
  return constraint
    ? `The change breaks a rule of the data (${constraint})`
    : 'The change breaks a rule of the data';
}
