/**
 * Error codes: each context declares its own next to its domain with `defineErrorCodes()`
 * (e.g. libs/volunteering/src/domain/volunteering-errors.ts); platform keeps only the codes every
 * context shares. Clients branch on `code`; never rename one, add new ones instead.
 */
export interface ErrorCodeEntry {
  status: number;
  zh: string;
  en: string;
}

export type ErrorCodeTable = Record<string, ErrorCodeEntry>;

/** Codes any context (and the HTTP edge) may answer. */
export const SHARED_ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, zh: '请求参数不合法', en: 'The request is invalid' },
  MALFORMED_JSON: { status: 400, zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的请求体类型', en: 'Unsupported request content type' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求体过大', en: 'The request body is too large' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Authentication required' },
  FORBIDDEN: { status: 403, zh: '无权执行此操作', en: 'You are not allowed to do this' },
  /** A browser request to the session endpoints from a page of another site (CSRF guard). */
  ORIGIN_NOT_ALLOWED: {
    status: 403,
    zh: '请求来自不被允许的网站',
    en: 'Requests from this site are not allowed',
  },
  NOT_FOUND: { status: 404, zh: '未找到', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  METHOD_NOT_ALLOWED: { status: 405, zh: '不支持的请求方法', en: 'Method not allowed' },
  ALREADY_EXISTS: { status: 409, zh: '记录已存在', en: 'Already exists' },
  CONFLICT: { status: 409, zh: '与现有数据冲突', en: 'Conflicts with existing data' },
  REFERENCE_INVALID: { status: 422, zh: '引用的记录不存在', en: 'A referenced record does not exist' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    zh: '幂等键已用于不同的请求',
    en: 'Idempotency-Key reused with a different request',
  },
  IDEMPOTENCY_IN_PROGRESS: {
    status: 409,
    zh: '相同请求正在处理中',
    en: 'The same request is still being processed',
  },
  TOO_MANY_REQUESTS: {
    status: 429,
    zh: '请求过于频繁，请稍后再试',
    en: 'Too many requests, try again later',
  },
  SERVICE_UNAVAILABLE: { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
  INTERNAL_ERROR: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies ErrorCodeTable;

export type SharedErrorCode = keyof typeof SHARED_ERROR_CODES;

/** Any registered code: the shared ones and every context's. */
export type ErrorCode = string;

/** Which context declared each code (the registry is filled as each context's module loads). */
const registry = new Map<string, ErrorCodeEntry & { context: string }>();

/**
 * Declares a context's codes and registers them, so the problem+json filter knows their status
 * and titles. A code may be declared once in the whole application: two contexts that want the
 * same meaning use a shared code.
 */
export function defineErrorCodes<const T extends ErrorCodeTable>(context: string, table: T): T {
  for (const [code, entry] of Object.entries(table)) {
    const known = registry.get(code);
    if (known && known.context !== context) {
      throw new Error(`error code ${code} of ${context} is already declared by ${known.context}`);
    }
    registry.set(code, { ...entry, context });
  }
  return table;
}

defineErrorCodes('platform', SHARED_ERROR_CODES);

/** The entry of a registered code; undefined for a code nobody declared (a bug: answered as 500). */
export function errorCodeEntry(code: string): (ErrorCodeEntry & { context: string }) | undefined {
  return registry.get(code);
}

/** Every registered code, for tests and documentation. */
export function registeredErrorCodes(): ReadonlyMap<string, ErrorCodeEntry & { context: string }> {
  return registry;
}

export function statusOf(code: ErrorCode): number {
  return registry.get(code)?.status ?? 500;
}
