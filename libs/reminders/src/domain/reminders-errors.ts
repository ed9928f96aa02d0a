import { defineErrorCodes, type SharedErrorCode } from '@linli/platform/domain-error';

/** Reminders: an unsubscribe link that was not signed by us (or was cut short). Never rename a code; add new ones. */
export const REMINDERS_ERRORS = defineErrorCodes('reminders', {
  UNSUBSCRIBE_TOKEN_INVALID: { status: 400, zh: '退订链接无效', en: 'The unsubscribe link is not valid' },
});

/** The codes reminders code may throw: its own and the shared ones. */
export type RemindersErrorCode = keyof typeof REMINDERS_ERRORS | SharedErrorCode;
