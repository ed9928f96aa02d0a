import { DomainError } from '@linli/platform';
import { recurrenceErrorToDomainError } from '@linli/holidays';
import {
  LIMITS,
  RecurrenceError,
  ZoneRules,
  expandSeries,
  parseLocalDateTime,
  parseRecurrenceRule,
  type HolidayCalendar,
  type Occurrence,
  type SeriesDefinition,
} from '@linli/recurrence';
import type { OccurrenceRow } from '../../infra/series-shifts.repository';

const DAY = 24 * 3600_000;
/** Shifts are staffed by people: a series repeats at most hourly. */
const TOO_FREQUENT = new Set(['SECONDLY', 'MINUTELY']);
/** At most this many shifts per materialisation; the next one continues where it stopped. */
export const MATERIALISE_BATCH = 1000;

/**
 * Runs recurrence work and turns the engine's refusals into coded errors (the holidays context's
 * mapping, which names the series' fields). `within` names the object the series fields sit in
 * (`changes` for an edit); the edge says where the request carried it.
 */
export function withRecurrenceErrors<T>(work: () => T, within?: string): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof RecurrenceError)) throw error;
    const mapped = recurrenceErrorToDomainError(error);
    const field = (name: string) => {
      const bare = name.replace(/^body\./, '');
      return within ? `${within}.${bare}` : bare;
    };
    throw new DomainError(
      mapped.code,
      mapped.message,
      mapped.errors?.map((e) => ({ ...e, field: field(e.field) })),
    );
  }
}

/**
 * Reads a series with the engine's own parsers and expands it once, so a rule that cannot work
 * is refused when saved rather than found out by the worker: bad syntax, a zone, a policy that
 * does not fit the rule, a rule finer than hourly, or one that never produces an occurrence.
 */
export function checkSeriesDefinition(series: SeriesDefinition, holidays: HolidayCalendar): void {
  const zone = ZoneRules.for(series.timeZone);
  const first = zone.resolve(parseLocalDateTime(series.dtstart, 'dtstart')).instant;
  const rule = parseRecurrenceRule(series.rrule ?? '');
  if (TOO_FREQUENT.has(rule.freq))
    throw new RecurrenceError('RRULE_INVALID', 'FREQ: a shift series repeats at most hourly', 'FREQ');
  series.exdates?.forEach((exdate, i) => parseLocalDateTime(exdate, `exdates[${i}]`));
  const result = expandSeries(
    series,
    { from: first, to: first + LIMITS.maxWindowYears * 365 * DAY, limit: 1 },
    holidays,
  );
  if (!result.occurrences.length)
    throw new RecurrenceError('RRULE_INVALID', 'the rule produces no occurrence', 'rrule');
}

/** The series' occurrences starting in [from, to), at most `limit` of them. */
export function occurrencesIn(
  series: SeriesDefinition,
  window: { from: number; to: number },
  holidays: HolidayCalendar,
  limit = MATERIALISE_BATCH,
): { occurrences: Occurrence[]; truncated: boolean } {
  const result = expandSeries(series, { ...window, limit }, holidays);
  return { occurrences: result.occurrences, truncated: result.truncated };
}

/** The occurrence whose original start is `instant`, if the series has one (holiday moves included). */
export function occurrenceAt(
  series: SeriesDefinition,
  instant: number,
  holidays: HolidayCalendar,
): Occurrence | undefined {
  const recurrenceId = ZoneRules.for(series.timeZone).toLocal(instant);
  // A holiday policy may move an occurrence up to two weeks away from its original start.
  const around = { from: instant - 15 * DAY, to: instant + 15 * DAY };
  return occurrencesIn(series, around, holidays).occurrences.find((o) => o.recurrenceId === recurrenceId);
}

/** The identity a shift keeps for its occurrence: the original start as an instant. */
export function occurrenceKey(series: SeriesDefinition, occurrence: Occurrence): Date {
  return new Date(ZoneRules.for(series.timeZone).resolve(occurrence.recurrenceId).instant);
}

export function occurrenceRow(series: SeriesDefinition, occurrence: Occurrence): OccurrenceRow {
  return {
    occurrence: occurrenceKey(series, occurrence),
    startsAt: new Date(occurrence.startInstant),
    endsAt: new Date(occurrence.endInstant),
  };
}
