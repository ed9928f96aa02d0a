import { defineErrorCodes, type SharedErrorCode } from '@linli/platform/domain-error';

/** Calendar feeds: a revoked subscription URL, after its grace period (clients should drop it). Never rename a code; add new ones. */
export const CALENDAR_ERRORS = defineErrorCodes('calendar', {
  CALENDAR_FEED_GONE: {
    status: 410,
    zh: '此日历订阅已停用',
    en: 'This calendar subscription is no longer available',
  },
});

/** The codes calendar code may throw: its own and the shared ones. */
export type CalendarErrorCode = keyof typeof CALENDAR_ERRORS | SharedErrorCode;
