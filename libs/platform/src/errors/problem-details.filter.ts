import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import {
  DriverException,
  ForeignKeyConstraintViolationException,
  NotNullConstraintViolationException,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import type { Request, Response } from 'express';
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

/** Turns every error into RFC 9457 problem+json. Unknown errors are logged and answer a bare 500. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const context = {
      language: languageFrom(request.headers['accept-language']),
      instance: request.originalUrl?.split('?')[0],
      requestId: request.id === undefined ? undefined : String(request.id),
    };
    const problem = this.toProblem(exception, context, request);
    if (problem.status >= 500) {
      this.logger.error({ err: exception, requestId: context.requestId }, 'Unhandled error');
    }
    if (response.headersSent) return;
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(
    exception: unknown,
    context: Parameters<typeof problemFor>[2],
    request: Request,
  ): ProblemDetails {
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
