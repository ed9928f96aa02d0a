import type { DomainError } from '@linli/platform';
import type { RecurrenceError, RecurrenceErrorCode } from '@linli/recurrence';
import { holidaysError, type HolidaysErrorCode } from '../domain/holidays-errors';

/** Series fields the engine may name as the offending part; anything else is a part of the RRULE. */
const SERIES_FIELDS: Record<string, string> = {
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

/**
 * The series field an engine part names, by the domain's names (the HTTP edge adds `body.`):
 * `rdates[2]` -> `rdates.2`; `BYMONTHDAY` -> `rrule`; no part -> `fallback`.
 */
export function fieldOfPart(part: string | undefined, fallback: string): string {
  if (!part) return fallback;
  const match = /^([A-Za-z]+)(?:\[(\d+)\])?$/.exec(part);
  const field = match ? SERIES_FIELDS[match[1].toLowerCase()] : undefined;
  if (!field) return 'rrule';
  return match![2] === undefined ? field : `${field}.${match![2]}`;
}

/** Where each code points when the engine names no part. */
const DEFAULT_FIELD: Record<RecurrenceErrorCode, string> = {
  RRULE_INVALID: 'rrule',
  TIME_ZONE_INVALID: 'timeZone',
  RECURRENCE_LIMIT: 'rrule',
  HOLIDAY_POLICY_NOT_APPLICABLE: 'holidayPolicy',
};

export interface RecurrenceErrorOptions {
  /**
   * Where the series' fields sit in the caller's input, when not at its top: `changes` makes
   * `rrule` read `changes.rrule` (the edge then answers `body.changes.rrule`).
   */
  under?: string;
}

/**
 * The engine's refusals as coded domain errors (codes declared by holidays), naming the series
 * field at fault. Exhaustive: a new engine code fails to compile until mapped.
 */
export function toDomainError(error: RecurrenceError, options: RecurrenceErrorOptions = {}): DomainError {
  let code: HolidaysErrorCode;
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
  const path = options.under ? `${options.under}.${field}` : field;
  return holidaysError(code, error.message, [{ field: path, message: error.message }]);
}
