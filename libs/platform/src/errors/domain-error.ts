import { ErrorCode } from './error-codes';

export interface FieldError {
  /** Dotted path of the offending field, e.g. `body.email` or `query.pageSize`. */
  field: string;
  message: string;
}

/** A refusal with a stable code. Thrown by domain and application code; mapped to problem+json at the edge. */
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
