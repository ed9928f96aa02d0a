import { Injectable } from '@nestjs/common';
import { Actor, formatInstant, notFound } from '@linli/platform';
import { IdentityDirectory } from '@linli/identity';
import {
  RecurrenceError,
  ZoneRules,
  expandSeries,
  formatLocal,
  formatOccurrence,
  parseDuration,
  parseLocalDateTime,
  parseRecurrenceRule,
  type FormattedOccurrence,
  type HolidayPolicy,
  type SeriesDefinition,
  type SkippedOccurrence,
} from '@linli/recurrence';
import { holidaysError, type HolidaysErrorCode } from '../domain/holidays-errors';
import { previewWindow } from '../domain/preview-window';
import { holidayDataWarnings, type HolidayWarning } from '../domain/holiday-warnings';
import { HolidayCalendarService } from './holiday-calendar.service';
import { toDomainError } from './recurrence-error.mapper';

export interface PreviewInput {
  rrule: string;
  dtstart: string;
  timeZone?: string;
  duration?: string;
  rdates?: string[];
  exdates?: string[];
  holidayPolicy: HolidayPolicy;
  from?: string;
  to?: string;
  limit: number;
}

export interface PreviewResult {
  occurrences: FormattedOccurrence[];
  skipped: { recurrenceId: string; reason: SkippedOccurrence['reason']; holidayName?: string }[];
  truncated: boolean;
  /** Years the occurrences fall in that have no official holiday data (the policy could not apply). */
  warnings: HolidayWarning[];
  timeZone: string;
  window: { from: string; to: string };
}

/** What a series would produce, before an organiser saves it: the engine run on the community's holidays. */
@Injectable()
export class RecurrencePreviewService {
  constructor(
    private readonly calendars: HolidayCalendarService,
    private readonly identity: IdentityDirectory,
  ) {}

  async preview(actor: Actor, input: PreviewInput): Promise<PreviewResult> {
    const timeZone = input.timeZone ?? (await this.communityZone(actor.communityId));
    const series: SeriesDefinition = {
      rrule: input.rrule,
      dtstart: input.dtstart,
      timeZone,
      duration: input.duration,
      rdates: input.rdates,
      exdates: input.exdates,
      holidayPolicy: input.holidayPolicy,
    };
    try {
      const firstStart = checkSeries(series);
      const window = previewWindow({ firstStart, from: input.from, to: input.to, limit: input.limit });
      if (!window.ok) {
        const code: HolidaysErrorCode =
          window.problem === 'too_long' ? 'RECURRENCE_LIMIT' : 'VALIDATION_FAILED';
        throw holidaysError(code, window.message, [{ field: window.field, message: window.message }]);
      }
      const holidays = await this.calendars.forCommunity(actor.communityId);
      const result = expandSeries(series, window.window, holidays);
      return {
        occurrences: result.occurrences.map(formatOccurrence),
        skipped: result.skipped.map((skipped) => ({
          recurrenceId: formatLocal(skipped.recurrenceId),
          reason: skipped.reason,
          ...(skipped.holidayName ? { holidayName: skipped.holidayName } : {}),
        })),
        truncated: result.truncated,
        warnings: holidayDataWarnings(result.occurrences),
        timeZone,
        window: {
          from: formatInstant(new Date(window.window.from), timeZone),
          to: formatInstant(new Date(window.window.to), timeZone),
        },
      };
    } catch (error) {
      if (error instanceof RecurrenceError) throw toDomainError(error);
      throw error;
    }
  }

  private async communityZone(communityId: string): Promise<string> {
    const community = await this.identity.community(communityId);
    if (!community) throw notFound('Community');
    return community.timeZone;
  }
}

/**
 * Reads every input with the engine's own parsers before expanding, so a bad field is reported by
 * name, in the order of the request; answers the instant of the first start (the default window start).
 */
function checkSeries(series: SeriesDefinition): number {
  const zone = ZoneRules.for(series.timeZone);
  const firstStart = zone.resolve(parseLocalDateTime(series.dtstart, 'dtstart')).instant;
  if (series.rrule !== undefined) parseRecurrenceRule(series.rrule);
  if (series.duration !== undefined) parseDuration(series.duration, 'duration');
  series.rdates?.forEach((rdate, i) => parseLocalDateTime(rdate, `rdates[${i}]`));
  series.exdates?.forEach((exdate, i) => parseLocalDateTime(exdate, `exdates[${i}]`));
  return firstStart;
}
