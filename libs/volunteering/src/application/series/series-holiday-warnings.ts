import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@linli/platform';
import { HolidayCalendarService, holidayDataWarnings, type HolidayWarning } from '@linli/holidays';
import { ZoneRules, expandSeries, parseLocalDateTime } from '@linli/recurrence';
import { definitionOf, type SeriesPattern } from '../../domain/series-pattern';

const DAY = 86_400_000;
/** A series "covers" the year ahead of its first upcoming occurrence: the years it is planned into soon. */
const LOOK_AHEAD_DAYS = 366;
const LIMIT = 2000;

/**
 * Issue 10: a series whose holiday policy cannot apply to some of its coming occurrences (their
 * year has no official schedule yet) says so when it is saved, instead of planning them silently.
 */
@Injectable()
export class SeriesHolidayWarnings {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly calendars: HolidayCalendarService,
  ) {}

  async forSeries(communityId: string, series: SeriesPattern): Promise<HolidayWarning[]> {
    if (series.holidayPolicy === 'ignore') return [];
    const definition = definitionOf(series);
    const first = ZoneRules.for(series.timeZone).resolve(
      parseLocalDateTime(series.dtstart, 'dtstart'),
    ).instant;
    const from = Math.max(first, this.clock.now().getTime());
    const holidays = await this.calendars.forCommunity(communityId);
    const { occurrences } = expandSeries(
      definition,
      { from, to: from + LOOK_AHEAD_DAYS * DAY, limit: LIMIT },
      holidays,
    );
    return holidayDataWarnings(occurrences);
  }
}
