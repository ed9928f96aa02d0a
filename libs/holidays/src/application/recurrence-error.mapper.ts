import { DomainError, type ErrorCode } from '@linli/platform';
import type { RecurrenceError, RecurrenceErrorCode } from '@linli/recurrence';

/** Request fields the engine may name as the offending part; anything else is a part of the RRULE. */
const BODY_FIELDS: Record<string, string> = {
  rrule: 'rrule',
  dtstart: 'dtstart',
  timezone: 'timeZone',
  tzid: 'timeZone',
  duration: 'duration',
  rdates: 'rdates',
  rdate: 'rdates',
  exdates: 'exdates',
  exdate: 'exdates',
  holidaypolicy: 'holidayPolicy',
  from: 'from',
  to: 'to',
  limit: 'limit',
  window: 'to',
};

/** `rdates[2]` -> `body.rdates.2`; `BYMONTHDAY` -> `body.rrule`. */
export function fieldOfPart(part: string | undefined, fallback: string): string {
  if (!part) return fallback;
  const match = /^([A-Za-z]+)(?:\[(\d+)\])?$/.exec(part);
  const field = match ? BODY_FIELDS[match[1].toLowerCase()] : undefined;
  if (!field) return 'body.rrule';
  return match![2] === undefined ? `body.${field}` : `body.${field}.${match![2]}`;
}

/** Where each code points when the engine names no part. */
const DEFAULT_FIELD: Record<RecurrenceErrorCode, string> = {
  RRULE_INVALID: 'body.rrule',
  TIME_ZONE_INVALID: 'body.timeZone',
  RECURRENCE_LIMIT: 'body.rrule',
  HOLIDAY_POLICY_NOT_APPLICABLE: 'body.holidayPolicy',
};

/** The engine's refusals as API errors. Exhaustive: a new engine code fails to compile until mapped. */
export function toDomainError(error: RecurrenceError): DomainError {
  let code: ErrorCode;
  switch (error.code) {
    case 'RRULE_INVALID':
      code = 'RRULE_INVALID';
      break;
    case 'TIME_ZONE_INVALID':
      code = 'TIME_ZONE_INVALID';
      break;
    case 'RECURRENCE_LIMIT':
      code = 'RECURRENCE_LIMIT';
      break;
    case 'HOLIDAY_POLICY_NOT_APPLICABLE':
      code = 'HOLIDAY_POLICY_NOT_APPLICABLE';
      break;
    default: {
      const unmapped: never = error.code;
      throw new Error(`Unmapped recurrence error code ${String(unmapped)}`);
    }
  }
  const field = fieldOfPart(error.part, DEFAULT_FIELD[error.code]);
  return new DomainError(code, error.message, [{ field, message: error.message }]);
}
