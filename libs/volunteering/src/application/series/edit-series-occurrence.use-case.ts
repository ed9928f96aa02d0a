import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Clock, inTransaction } from '@linli/platform';
import { HolidayCalendarService } from '@linli/holidays';
import { ZoneRules, formatLocal, parseLocalDateTime } from '@linli/recurrence';
import { definitionOf, withStartTime } from '../../domain/series-pattern';
import { Shift } from '../../infra/shift.entity';
import { insertSeriesShifts, setEditedByHand } from '../../infra/series-shifts.repository';
import { ShiftsService, type ShiftDetails } from '../shifts/shifts.service';
import { ShiftSeriesService } from './shift-series.service';
import { occurrenceRow } from './series-occurrences';
import {
  PATTERN_FIELDS,
  findOccurrence,
  invalid,
  lockOpenSeries,
  templateOf,
  type SeriesChanges,
  type SeriesEditResult,
} from './series-edit';

/**
 * Edits one occurrence of a series: its shift changes like any hand edit (through ShiftsService,
 * so claims move and events are published) and is marked edited by hand, so later edits of the
 * series leave it alone unless asked. An occurrence beyond the horizon is materialised first.
 */
@Injectable()
export class EditSeriesOccurrenceUseCase {
  constructor(
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
    private readonly calendars: HolidayCalendarService,
    private readonly shifts: ShiftsService,
    private readonly seriesService: ShiftSeriesService,
  ) {}

  async execute(
    communityId: string,
    seriesId: string,
    occurrence: Date,
    changes: SeriesChanges,
  ): Promise<SeriesEditResult> {
    const now = this.clock.now();
    const holidays = await this.calendars.forCommunity(communityId);
    const ruleField = PATTERN_FIELDS.find((field) => changes[field] !== undefined);
    if (ruleField) throw invalid(`changes.${ruleField}`, 'changes the pattern: use following or all');
    const created = await inTransaction(this.em, async (tx) => {
      const em = tx as EntityManager;
      const series = await lockOpenSeries(em, communityId, seriesId, now);
      const existing = await em.count(Shift, {
        community: communityId,
        series: seriesId,
        seriesOccurrence: occurrence,
      });
      if (existing) return [];
      const definition = definitionOf(series);
      const found = findOccurrence(series, occurrence, holidays);
      const ids = await insertSeriesShifts(em, series.id, [occurrenceRow(definition, found)]);
      await this.seriesService.recordScheduled(em, communityId, ids, now);
      return ids;
    });
    const shift = await this.em.fork().findOneOrFail(Shift, {
      community: communityId,
      series: seriesId,
      seriesOccurrence: occurrence,
    });
    const details: Partial<ShiftDetails> = templateOf(changes);
    if (changes.startTime !== undefined || changes.durationMinutes !== undefined) {
      const zone = ZoneRules.for(shift.timeZone);
      const startsAt =
        changes.startTime === undefined
          ? shift.startsAt
          : new Date(
              zone.resolve(
                parseLocalDateTime(
                  withStartTime(formatLocal(zone.toLocal(shift.startsAt.getTime())), changes.startTime),
                ),
              ).instant,
            );
      const length =
        changes.durationMinutes === undefined
          ? shift.endsAt.getTime() - shift.startsAt.getTime()
          : changes.durationMinutes * 60_000;
      details.startsAt = startsAt;
      details.endsAt = new Date(startsAt.getTime() + length);
    }
    await this.shifts.change(communityId, shift.id, details);
    await setEditedByHand(this.em, communityId, shift.id, true);
    return {
      series: await this.seriesService.reload(communityId, seriesId),
      newSeries: null,
      changed: [shift.id],
      created,
      cancelled: [],
      untouched: [],
      failed: [],
      released: [],
    };
  }
}
