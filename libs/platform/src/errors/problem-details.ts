import { SHARED_ERROR_CODES, errorCodeEntry, type ErrorCode } from './error-codes';
import { FieldError } from './domain-error';

/** RFC 9457 problem details, with Linli's stable `code`. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export function problemFor(
  code: ErrorCode,
  detail: string,
  context: { language?: 'zh' | 'en'; instance?: string; requestId?: string; errors?: FieldError[] } = {},
): ProblemDetails {
  // A code nobody declared is a bug; it still answers, as the 500 it is.
  const entry = errorCodeEntry(code) ?? SHARED_ERROR_CODES.INTERNAL_ERROR;
  return {
    type: `https://linli.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: context.language === 'en' ? entry.en : entry.zh,
    status: entry.status,
    detail,
    code,
    ...(context.instance ? { instance: context.instance } : {}),
    ...(context.requestId ? { requestId: context.requestId } : {}),
    ...(context.errors?.length ? { errors: context.errors } : {}),
  };
}

/** zh-CN first; English when the client asks for it first. */
export function languageFrom(acceptLanguage: string | undefined): 'zh' | 'en' {
  if (!acceptLanguage) return 'zh';
  return acceptLanguage.trim().toLowerCase().startsWith('en') ? 'en' : 'zh';
}
