import { ErrorCode } from './error-codes';

export interface FieldError {
  /**
   * The offending field. Domain and application code name it as the domain does (`endsAt`,
   * `personId`); the HTTP edge (ProblemDetailsFilter) turns that into where the request carried
   * it (`body.endsAt`, `query.week`). Validation at the edge writes full paths itself.
   */
  field: string;
  message: string;
}

/**
 * A refusal with a stable code, declared by the throwing context with `defineErrorCodes()` (or a
 * shared one). Thrown by domain and application code; mapped to problem+json at the edge.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string): DomainError => new DomainError('NOT_FOUND', `${what} not found`);
export const forbidden = (why = 'Your role does not allow this'): DomainError =>
  new DomainError('FORBIDDEN', why);
