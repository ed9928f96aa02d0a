import {
  DomainError,
  defineErrorCodes,
  type FieldError,
  type SharedErrorCode,
} from '@linli/platform/domain-error';

/** Recurrence rules (the engine's errors, as libs/recurrence names them) and the holiday calendar. Never rename a code; add new ones. */
export const HOLIDAYS_ERRORS = defineErrorCodes('holidays', {
  RRULE_INVALID: { status: 400, zh: '重复规则无效', en: 'The recurrence rule is invalid' },
  TIME_ZONE_INVALID: { status: 400, zh: '时区无效', en: 'Not a valid IANA time zone' },
  RECURRENCE_LIMIT: { status: 422, zh: '重复规则超出计算范围', en: 'The recurrence exceeds a limit' },
  HOLIDAY_POLICY_NOT_APPLICABLE: {
    status: 422,
    zh: '节假日策略不适用于此重复规则',
    en: 'The holiday policy does not apply to this rule',
  },
  HOLIDAY_IMPORT_INVALID: { status: 400, zh: '节假日导入文件无效', en: 'The holiday import file is invalid' },
});

/** The codes holidays code may throw: its own and the shared ones. */
export type HolidaysErrorCode = keyof typeof HOLIDAYS_ERRORS | SharedErrorCode;

/**
 * A refusal whose code the compiler checks against holidays' and the shared codes (an undeclared
 * code would answer 500). Fields are named as the domain names them (`content`, `rrule`).
 */
export const holidaysError = (code: HolidaysErrorCode, message: string, errors?: FieldError[]): DomainError =>
  new DomainError(code, message, errors);
