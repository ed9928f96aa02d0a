/**
 * The part of errors that domain code may use: no framework behind it. Imported as
 * `@linli/platform/domain-error` so a pure module does not load Nest through the platform index.
 */
export { DomainError, notFound, forbidden, type FieldError } from './domain-error';
export {
  SHARED_ERROR_CODES,
  defineErrorCodes,
  errorCodeEntry,
  registeredErrorCodes,
  statusOf,
  type ErrorCode,
  type ErrorCodeEntry,
  type ErrorCodeTable,
  type SharedErrorCode,
} from './error-codes';
