import { defineErrorCodes, type SharedErrorCode } from '@linli/platform/domain-error';

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
