import { defineErrorCodes, type SharedErrorCode } from '@linli/platform/domain-error';

/** Identity: logins. Never rename a code; add new ones. */
export const IDENTITY_ERRORS = defineErrorCodes('identity', {
  INVALID_CREDENTIALS: { status: 401, zh: '账号或密码错误', en: 'Wrong login or password' },
});

/** The codes identity code may throw: its own and the shared ones. */
export type IdentityErrorCode = keyof typeof IDENTITY_ERRORS | SharedErrorCode;
