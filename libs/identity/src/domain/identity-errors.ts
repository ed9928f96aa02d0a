import {
  DomainError,
  defineErrorCodes,
  type FieldError,
  type SharedErrorCode,
} from '@linli/platform/domain-error';

/** Identity: logins and browser sessions. Never rename a code; add new ones. */
export const IDENTITY_ERRORS = defineErrorCodes('identity', {
  INVALID_CREDENTIALS: { status: 401, zh: '账号或密码错误', en: 'Wrong login or password' },
  /** No refresh cookie, or one that is unknown, expired or whose session has ended: sign in again. */
  REFRESH_TOKEN_INVALID: {
    status: 401,
    zh: '登录已失效，请重新登录',
    en: 'Your sign-in has ended: sign in again',
  },
  /** A refresh token came back after it was used: the account is signed out everywhere. */
  REFRESH_TOKEN_REUSED: {
    status: 401,
    zh: '登录凭证被重复使用，为安全起见已在所有设备上退出，请重新登录',
    en: 'This sign-in was used twice, so it was ended on every device for safety: sign in again',
  },
});

/** The codes identity code may throw: its own and the shared ones. */
export type IdentityErrorCode = keyof typeof IDENTITY_ERRORS | SharedErrorCode;

/**
 * A refusal whose code the compiler checks against identity's and the shared codes (an undeclared
 * code would answer 500). Fields are named as identity names them (`organisationId`).
 */
export const identityError = (code: IdentityErrorCode, message: string, errors?: FieldError[]): DomainError =>
  new DomainError(code, message, errors);
