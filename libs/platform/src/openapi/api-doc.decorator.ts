import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { ErrorCode } from '../errors';

export const DOCUMENTED_ERRORS = 'linli:documented-errors';

/**
 * Documents an operation: its summary (English · 中文) and the error codes its own logic answers
 * (`NOT_FOUND`, `SHIFT_FULL`…). The codes every operation of its kind can answer are added when the
 * document is built (problem-responses.ts): 401 without a login, 403 for the wrong role, 400 for a
 * bad parameter or body, the idempotency codes, 503 when the database is away. Each code becomes a
 * problem+json response under its status; a code nobody declared stops the document being built.
 */
export function ApiDoc(summary: string, ...errors: ErrorCode[]): MethodDecorator {
  return applyDecorators(ApiOperation({ summary }), SetMetadata(DOCUMENTED_ERRORS, errors));
}
