/**
 * Every stable error code the API can answer, with its HTTP status and a zh-CN / en title.
 * Clients branch on `code`; never rename one, add new ones instead.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, zh: '请求参数不合法', en: 'The request is invalid' },
  MALFORMED_JSON: { status: 400, zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的请求体类型', en: 'Unsupported request content type' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求体过大', en: 'The request body is too large' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Authentication required' },
  INVALID_CREDENTIALS: { status: 401, zh: '账号或密码错误', en: 'Wrong login or password' },
  FORBIDDEN: { status: 403, zh: '无权执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, zh: '未找到', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  METHOD_NOT_ALLOWED: { status: 405, zh: '不支持的请求方法', en: 'Method not allowed' },
  ALREADY_EXISTS: { status: 409, zh: '记录已存在', en: 'Already exists' },
  CONFLICT: { status: 409, zh: '与现有数据冲突', en: 'Conflicts with existing data' },
  REFERENCE_INVALID: { status: 422, zh: '引用的记录不存在', en: 'A referenced record does not exist' },
  TOO_MANY_REQUESTS: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests, try again later' },
  SERVICE_UNAVAILABLE: { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
  INTERNAL_ERROR: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function statusOf(code: ErrorCode): number {
  return ERROR_CODES[code].status;
}
