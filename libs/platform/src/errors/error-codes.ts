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
  RRULE_INVALID: { status: 400, zh: '重复规则无效', en: 'The recurrence rule is invalid' },
  TIME_ZONE_INVALID: { status: 400, zh: '时区无效', en: 'Not a valid IANA time zone' },
  RECURRENCE_LIMIT: { status: 422, zh: '重复规则超出计算范围', en: 'The recurrence exceeds a limit' },
  HOLIDAY_POLICY_NOT_APPLICABLE: {
    status: 422,
    zh: '节假日策略不适用于此重复规则',
    en: 'The holiday policy does not apply to this rule',
  },
  HOLIDAY_IMPORT_INVALID: { status: 400, zh: '节假日导入文件无效', en: 'The holiday import file is invalid' },
  // Volunteering: every refusal of a claim names its rule.
  SHIFT_CANCELLED: { status: 409, zh: '班次已取消', en: 'The shift is cancelled' },
  SHIFT_STARTED: { status: 409, zh: '班次已开始', en: 'The shift has already started' },
  SHIFT_FULL: { status: 409, zh: '班次已满', en: 'The shift is full' },
  ALREADY_CLAIMED: { status: 409, zh: '已认领该班次', en: 'Already on this shift' },
  CLAIM_OVERLAPS: { status: 409, zh: '与已有班次时间重叠', en: 'Overlaps another of your shifts' },
  CANCEL_CUTOFF_PASSED: { status: 409, zh: '已过自行取消时限', en: 'Too late to cancel yourself' },
  CLAIM_NOT_ACTIVE: { status: 409, zh: '该认领已结束', en: 'The claim is no longer active' },
  NOT_ENOUGH_PLACES: { status: 409, zh: '剩余名额不足', en: 'Not enough free places' },
  RESERVATION_FULL: { status: 409, zh: '组织预留名额已分配完', en: 'All reserved places are assigned' },
  RESERVATION_NOT_ACTIVE: {
    status: 409,
    zh: '组织预留已释放或取消',
    en: 'The reservation was released or cancelled',
  },
  SIGNUP_NOT_OPEN: { status: 422, zh: '报名尚未开始', en: 'Sign-up has not opened yet' },
  QUALIFICATION_MISSING: { status: 422, zh: '缺少所需资质', en: 'A required qualification is missing' },
  AGE_BELOW_MINIMUM: { status: 422, zh: '未达到最低年龄', en: 'Below the minimum age' },
  PARTNER_KIND_REQUIRED: {
    status: 422,
    zh: '仅限特定伙伴组织成员',
    en: 'Reserved for certain partner organisations',
  },
  PERSON_INACTIVE: { status: 422, zh: '该人员已停用', en: 'The person is deactivated' },
  NOT_A_MEMBER: { status: 422, zh: '不是该组织成员', en: 'Not a member of the organisation' },
  REST_TOO_SHORT: { status: 422, zh: '两次服务之间休息不足', en: 'Not enough rest between shifts' },
  DAILY_LIMIT: { status: 422, zh: '超过每日服务时长上限', en: 'Over the daily hours limit' },
  WEEKLY_LIMIT: { status: 422, zh: '超过每周服务时长上限', en: 'Over the weekly hours limit' },
  CHECKIN_CODE_INVALID: { status: 422, zh: '签到码错误', en: 'Wrong check-in code' },
  CHECKIN_NOT_OPEN: { status: 409, zh: '不在签到时间内', en: 'Check-in is not open' },
  NOT_ON_SHIFT: { status: 409, zh: '您没有该班次的已确认名额', en: 'No confirmed place on this shift' },
  NOT_CHECKED_IN: { status: 409, zh: '尚未签到', en: 'Not checked in yet' },
  SHIFT_NOT_STARTED: { status: 409, zh: '班次尚未开始', en: 'The shift has not started yet' },
  // Shift series (重复班次).
  SERIES_ENDED: { status: 409, zh: '重复班次已结束', en: 'The shift series has ended' },
  OCCURRENCE_NOT_IN_SERIES: {
    status: 422,
    zh: '该时间不是此重复班次的一次',
    en: 'Not an occurrence of this shift series',
  },
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
  // Calendar feeds: a revoked subscription URL, after its grace period (clients should drop it).
  CALENDAR_FEED_GONE: {
    status: 410,
    zh: '此日历订阅已停用',
    en: 'This calendar subscription is no longer available',
  },
  // Reminders: an unsubscribe link that was not signed by us (or was cut short).
  UNSUBSCRIBE_TOKEN_INVALID: { status: 400, zh: '退订链接无效', en: 'The unsubscribe link is not valid' },
  SERVICE_UNAVAILABLE: { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
  INTERNAL_ERROR: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function statusOf(code: ErrorCode): number {
  return ERROR_CODES[code].status;
}
