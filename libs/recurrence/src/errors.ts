/**
 * The engine's refusals. RRULE_INVALID: the input is malformed (names the bad part).
 * RECURRENCE_LIMIT: well-formed but too big (window, count, or work needed).
 * HOLIDAY_POLICY_NOT_APPLICABLE: the policy makes no sense for this rule.
 * TIME_ZONE_INVALID: not an IANA zone.
 */
export type RecurrenceErrorCode =
  'RRULE_INVALID' | 'RECURRENCE_LIMIT' | 'HOLIDAY_POLICY_NOT_APPLICABLE' | 'TIME_ZONE_INVALID';

export class RecurrenceError extends Error {
  constructor(
    readonly code: RecurrenceErrorCode,
    message: string,
    /** The offending part, e.g. `BYMONTHDAY` or `dtstart`. */
    readonly part?: string,
  ) {
    super(message);
    this.name = 'RecurrenceError';
  }
}

export const invalidRule = (part: string, message: string): RecurrenceError =>
  new RecurrenceError('RRULE_INVALID', `${part}: ${message}`, part);
