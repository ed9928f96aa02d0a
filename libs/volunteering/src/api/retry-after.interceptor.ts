import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { Observable, catchError, throwError } from 'rxjs';

/**
 * Adds `Retry-After` (seconds, RFC 9110) to an answer refused for a while: any error that
 * carries `retryAfterSeconds` (e.g. CheckInAttemptsExceeded). The problem+json filter writes the
 * body and keeps the header.
 */
@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        const seconds = (error as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
        if (typeof seconds === 'number' && seconds > 0) {
          const response = context.switchToHttp().getResponse<Response>();
          if (!response.headersSent) response.setHeader('Retry-After', String(Math.ceil(seconds)));
        }
        return throwError(() => error);
      }),
    );
  }
}
