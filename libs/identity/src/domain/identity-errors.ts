import {
  DomainError,
  defineErrorCodes,
  type FieldError,
  type SharedErrorCode,
} from '@linli/platform/domain-error';

/** Identity: logins. Never rename a code; add new ones. */
export const IDENTITY_ERRORS = defineErrorCodes('identity', {
  INVALID_CREDENTIALS: { status: 401, zh: '账号或密码错误', en: 'Wrong login or password' },
});

/** The codes identity code may throw: its own and the shared ones. */
export type IdentityErrorCode = keyof typeof IDENTITY_ERRORS | SharedErrorCode;

/**
 * A refusal whose code the compiler checks against identity's and the shared codes (an undeclared
 * code would answer 500). Fields are named as identity names them (`organisationId`).
 */
export const identityError = (code: IdentityErrorCode, message: string, errors?: FieldError[]): DomainError =>
  new DomainError(code, message, errors);
