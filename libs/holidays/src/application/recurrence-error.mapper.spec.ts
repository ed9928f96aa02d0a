import { RecurrenceError, type RecurrenceErrorCode } from '@linli/recurrence';
import { fieldOfPart, toDomainError } from './recurrence-error.mapper';

describe('recurrence errors as domain errors', () => {
  it.each<[RecurrenceErrorCode, string | undefined, string]>([
    ['RRULE_INVALID', 'BYMONTHDAY', 'rrule'],
    ['RRULE_INVALID', 'RRULE', 'rrule'],
    ['RRULE_INVALID', 'dtstart', 'dtstart'],
    ['RRULE_INVALID', 'rdates[2]', 'rdates.2'],
    ['RRULE_INVALID', 'duration', 'duration'],
    ['TIME_ZONE_INVALID', 'timeZone', 'timeZone'],
    ['TIME_ZONE_INVALID', undefined, 'timeZone'],
    ['RECURRENCE_LIMIT', 'COUNT', 'rrule'],
    ['HOLIDAY_POLICY_NOT_APPLICABLE', undefined, 'holidayPolicy'],
  ])('%s at %s points at %s', (code, part, field) => {
    const error = toDomainError(new RecurrenceError(code, 'why', part));
    expect({ code: error.code, errors: error.errors }).toEqual({ code, errors: [{ field, message: 'why' }] });
  });

  it('names fields below where the caller keeps the series', () => {
    const error = toDomainError(new RecurrenceError('RRULE_INVALID', 'why', 'exdates[0]'), {
      under: 'changes',
    });
    expect(error.errors).toEqual([{ field: 'changes.exdates.0', message: 'why' }]);
  });

  it('reads parts case-insensitively and falls back when none is named', () => {
    expect(fieldOfPart('EXDATE', 'rrule')).toBe('exdates');
    expect(fieldOfPart(undefined, 'holidayPolicy')).toBe('holidayPolicy');
  });
});
