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
  /** The roster upload is neither an XLSX workbook nor CSV text (or has a NUL: a binary file). */
  ROSTER_FILE_UNREADABLE: {
    status: 422,
    zh: '无法读取该文件，请上传 Excel（.xlsx）或 CSV 文件',
    en: 'This file cannot be read: upload an Excel (.xlsx) or CSV file',
  },
  /** No header row naming at least 姓名 and 手机号 among the first ten rows. */
  ROSTER_COLUMNS_MISSING: {
    status: 422,
    zh: '表格缺少必需的列（姓名、手机号）',
    en: 'The sheet lacks required columns (name, phone)',
  },
  ROSTER_EMPTY: { status: 422, zh: '表格中没有人员', en: 'The sheet lists nobody' },
  ROSTER_TOO_MANY_ROWS: {
    status: 422,
    zh: '表格行数过多，请分批导入（每次最多 2000 人）',
    en: 'Too many rows: import in parts of at most 2000 people',
  },
  /** Import is all or nothing: one row with an issue and nobody is written. */
  ROSTER_HAS_ERRORS: {
    status: 422,
    zh: '名册中有错误的行，未导入任何人员；请改正后重新上传',
    en: 'Some rows have errors, so nobody was imported: correct them and upload again',
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
