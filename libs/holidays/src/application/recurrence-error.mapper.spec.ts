import { RecurrenceError, type RecurrenceErrorCode } from '@linli/recurrence';
import { fieldOfPart, toDomainError } from './recurrence-error.mapper';

describe('recurrence errors as API errors', () => {
  it.each<[RecurrenceErrorCode, string | undefined, string]>([
    ['RRULE_INVALID', 'BYMONTHDAY', 'body.rrule'],
    ['RRULE_INVALID', 'RRULE', 'body.rrule'],
    ['RRULE_INVALID', 'dtstart', 'body.dtstart'],
    ['RRULE_INVALID', 'rdates[2]', 'body.rdates.2'],
    ['RRULE_INVALID', 'duration', 'body.duration'],
    ['TIME_ZONE_INVALID', 'timeZone', 'body.timeZone'],
    ['TIME_ZONE_INVALID', undefined, 'body.timeZone'],
    ['RECURRENCE_LIMIT', 'COUNT', 'body.rrule'],
    ['HOLIDAY_POLICY_NOT_APPLICABLE', undefined, 'body.holidayPolicy'],
  ])('%s at %s points at %s', (code, part, field) => {
    const error = toDomainError(new RecurrenceError(code, 'why', part));
    expect({ code: error.code, errors: error.errors }).toEqual({ code, errors: [{ field, message: 'why' }] });
  });

  it('reads parts case-insensitively and falls back when none is named', () => {
    expect(fieldOfPart('EXDATE', 'body.rrule')).toBe('body.exdates');
    expect(fieldOfPart(undefined, 'body.holidayPolicy')).toBe('body.holidayPolicy');
  });
});
