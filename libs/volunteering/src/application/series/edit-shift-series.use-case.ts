import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Clock, DomainError, inTransaction } from '@linli/platform';
import { HolidayCalendarService } from '@linli/holidays';
import {
  LIMITS,
  RecurrenceError,
  ZoneRules,
  editAllOccurrences,
  editThisAndFollowing,
  formatLocal,
  type HolidayCalendar,
  type Occurrence,
  type SeriesDefinition,
} from '@linli/recurrence';
import { planSeriesEdit } from '../../domain/series-edit-plan';
import { definitionOf, shiftChangesFor } from '../../domain/series-pattern';
import { Shift } from '../../infra/shift.entity';
import type { ShiftSeries } from '../../infra/shift-series.entity';
import {
  insertSeriesShifts,
  rekeySeriesShifts,
  releaseOccurrence,
  setEditedByHand,
} from '../../infra/series-shifts.repository';
import { ShiftsService } from '../shifts/shifts.service';
import type { ReleasedPlace } from '../shifts/release-overlapping-claims';
import { StandingCommitmentsUseCase } from '../commitments/standing-commitments.use-case';
import { StandingCommitmentQueries } from '../../infra/standing-commitment.queries';
import { ShiftSeriesService } from './shift-series.service';
import { EditSeriesOccurrenceUseCase } from './edit-series-occurrence.use-case';
import {
  checkSeriesDefinition,
  occurrenceKey,
  occurrenceRow,
  occurrencesIn,
  withRecurrenceErrors,
} from './series-occurrences';
import {
  assertCapacity,
  assertTimeFromStart,
  findOccurrence,
  invalid,
  lockOpenSeries,
  patternChange,
  templateOf,
  templateView,
  writeSeries,
  type SeriesEdit,
  type SeriesEditResult,
} from './series-edit';

export type { SeriesChanges, SeriesEdit, SeriesEditResult, SeriesEditScope } from './series-edit';

const DROPPED_REASON = '重复规则已修改，此次不再举行';
const DAY = 24 * 60 * 60_000;

/**
 * Edits a series: this occurrence, this and following, or all future ones. For the last two the
 * series rows, the re-pointing of its shifts and the shifts it newly needs are written in one
 * transaction; each shift is then changed or cancelled through ShiftsService (its own
 * transaction), so claims move with their shift, the people affected are recorded and events are
 * published; someone the move would give two shifts at once gives up this place and is told
 * (docs/decisions/0014). Shifts edited by hand are left alone unless asked.
 */
@Injectable()
export class EditShiftSeriesUseCase {
  constructor(
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
    private readonly calendars: HolidayCalendarService,
    private readonly shifts: ShiftsService,
    private readonly seriesService: ShiftSeriesService,
    private readonly editOccurrence: EditSeriesOccurrenceUseCase,
    private readonly commitments: StandingCommitmentsUseCase,
  ) {}

  async execute(communityId: string, seriesId: string, edit: SeriesEdit): Promise<SeriesEditResult> {
    if (edit.scope !== 'all' && !edit.occurrence)
      throw invalid('occurrence', 'required for scope this and following');
    if (edit.changes.estateId)
      await this.seriesService.assertEstate(communityId, edit.changes.estateId, 'changes.estateId');
    if (edit.scope === 'this')
      return this.editOccurrence.execute(communityId, seriesId, edit.occurrence!, edit.changes);
    const now = this.clock.now();
    const holidays = await this.calendars.forCommunity(communityId);
    return this.editFrom(communityId, seriesId, edit, now, holidays);
  }

  /** This and following, or all: the pattern changes from a point on, and so do the shifts. */
  private async editFrom(
    communityId: string,
    seriesId: string,
    edit: SeriesEdit,
    now: Date,
    holidays: HolidayCalendar,
  ): Promise<SeriesEditResult> {
    const template = templateOf(edit.changes);
    const planned = await inTransaction(this.em, async (tx) => {
      const em = tx as EntityManager;
      const series = await lockOpenSeries(em, communityId, seriesId, now);
      const split = await this.splitAt(em, series, edit, now, holidays);
      withRecurrenceErrors(() => checkSeriesDefinition(split.after, holidays), 'changes');
      if (edit.changes.startTime !== undefined) assertTimeFromStart(split.after);

      // The occurrences the shifts already made should now stand for, and the shifts themselves.
      const until = Math.min(
        series.materialisedUntil?.getTime() ?? -Infinity,
        series.endedAt?.getTime() ?? Infinity,
      );
      // From now, not from the split: the new pattern starts at the split day anyway, and an
      // earlier new time on that day (09:00 -> 08:00) is still the split shift's occurrence. A day
      // past the horizon too, so the last day's shift moved later still finds its occurrence;
      // occurrences out there that no shift stands for are left to materialisation.
      const windowFrom = now.getTime();
      const expanded =
        until > windowFrom
          ? withRecurrenceErrors(
              () =>
                occurrencesIn(
                  split.after,
                  { from: windowFrom, to: until + DAY },
                  holidays,
                  LIMITS.maxOccurrences,
                ),
              'changes',
            )
          : { occurrences: [], truncated: false };
      // A cut-off list would read as occurrences dropped, and cancel shifts that still exist.
      // (The engine's own refusal, so it is coded and worded as every recurrence limit is.)
      if (expanded.truncated)
        withRecurrenceErrors(() => {
          throw new RecurrenceError(
            'RECURRENCE_LIMIT',
            `the new pattern has more than ${LIMITS.maxOccurrences} occurrences within the horizon`,
            'rrule',
          );
        }, 'changes');
      const occurrences = expanded.occurrences;
      const shifts = await em.find(Shift, {
        community: communityId,
        series: series.id,
        seriesOccurrence: { $gte: new Date(split.from) },
      });
      const zone = ZoneRules.for(series.timeZone);
      const plan = planSeriesEdit(
        shifts.map((s) => ({
          shiftId: s.id,
          recurrenceId: zone.toLocal(s.seriesOccurrence!.getTime()),
          cancelled: s.status === 'cancelled',
          editedByHand: s.editedByHand,
          started: s.startsAt <= now,
        })),
        occurrences,
        { includeEditedByHand: edit.includeEditedByHand ?? false },
      );
      plan.create = plan.create.filter((o) => o.startInstant < until);
      const byId = new Map(shifts.map((s) => [s.id, s]));
      const updates = plan.update.map(({ shiftId, occurrence }) => {
        const shift = byId.get(shiftId)!;
        const target = {
          startsAt: new Date(occurrence.startInstant),
          endsAt: new Date(occurrence.endInstant),
          template,
        };
        return { shift, changes: shiftChangesFor(templateView(shift), target) };
      });
      for (const { shift, changes } of updates) assertCapacity(shift, changes.capacity, zone);

      const target = writeSeries(em, series, split, edit.changes, template);
      await em.flush();
      // Standing commitments go on with the series that now carries the occurrences.
      if (target !== series)
        await StandingCommitmentQueries.in(em).moveToSeries(communityId, series.id, target.id);
      const targetDefinition = definitionOf(target);
      const key = (o: Occurrence) => occurrenceKey(targetDefinition, o);
      await rekeySeriesShifts(em, communityId, [
        ...plan.update.map((u) => ({
          shiftId: u.shiftId,
          seriesId: target.id,
          occurrence: key(u.occurrence),
        })),
        ...plan.hold.map((h) => ({
          shiftId: h.shiftId,
          seriesId: target.id,
          occurrence: h.occurrence ? key(h.occurrence) : byId.get(h.shiftId)!.seriesOccurrence!,
        })),
      ]);
      const created = await insertSeriesShifts(
        em,
        target.id,
        plan.create.map((o) => occurrenceRow(targetDefinition, o)),
      );
      await this.seriesService.recordScheduled(em, communityId, created, now);
      await em.flush();
      return {
        newSeriesId: target === series ? null : target.id,
        updates: updates.map(({ shift, changes }) => ({
          shift: shift.id,
          version: shift.version,
          editedByHand: shift.editedByHand,
          changes,
        })),
        cancel: plan.cancel.map((c) => c.shiftId),
        untouched: plan.hold.map((h) => ({ shiftId: h.shiftId, reason: h.reason })),
        created,
      };
    });

    // Each shift in its own transaction through ShiftsService: claims move, people are recorded.
    const result: Omit<SeriesEditResult, 'series' | 'newSeries'> = {
      changed: [],
      created: planned.created,
      cancelled: [],
      untouched: planned.untouched,
      failed: [],
      released: [],
    };
    for (const update of planned.updates) {
      await this.attempt(result, update.shift, async () => {
        let version = update.version;
        const changing = Object.keys(update.changes).length > 0;
        if (changing) {
          const released: ReleasedPlace[] = [];
          version = (await this.shifts.change(communityId, update.shift, update.changes, { released }))
            .version;
          result.released.push(...released);
          result.changed.push(update.shift);
        }
        // Changed by the series, not by hand: it keeps (or, when included, goes back to) following it.
        if (changing || update.editedByHand)
          await setEditedByHand(this.em, communityId, update.shift, false, version);
      });
    }
    if (planned.newSeriesId) await this.commitments.applyForSeries(communityId, planned.newSeriesId);
    for (const shiftId of planned.cancel) {
      await this.attempt(result, shiftId, async () => {
        const { affected } = await this.shifts.cancel(communityId, shiftId, DROPPED_REASON);
        await releaseOccurrence(this.em, communityId, shiftId);
        result.cancelled.push({ shiftId, affectedPersonIds: affected });
      });
    }
    return {
      ...result,
      series: await this.seriesService.reload(communityId, seriesId),
      newSeries: planned.newSeriesId
        ? await this.seriesService.reload(communityId, planned.newSeriesId)
        : null,
    };
  }

  private async attempt(
    result: Pick<SeriesEditResult, 'failed'>,
    shiftId: string,
    work: () => Promise<void>,
  ): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      result.failed.push({ shiftId, code: error.code, detail: error.message });
    }
  }

  /** Where the new pattern starts, and the series definitions either side of it. */
  private async splitAt(
    em: EntityManager,
    series: ShiftSeries,
    edit: SeriesEdit,
    now: Date,
    holidays: HolidayCalendar,
  ): Promise<{ from: number; before?: SeriesDefinition; after: SeriesDefinition }> {
    const definition = definitionOf(series);
    if (edit.scope === 'all') {
      const after = editAllOccurrences(definition, patternChange(edit.changes, definition.dtstart));
      return { from: now.getTime(), after };
    }
    const occurrence = edit.occurrence!;
    const known = await em.count(Shift, {
      community: series.community.id,
      series: series.id,
      seriesOccurrence: occurrence,
    });
    if (!known) findOccurrence(series, occurrence, holidays);
    const local = formatLocal(ZoneRules.for(series.timeZone).toLocal(occurrence.getTime()));
    const split = withRecurrenceErrors(
      () => editThisAndFollowing(definition, local, patternChange(edit.changes, local)),
      'changes',
    );
    return { from: occurrence.getTime(), ...split };
  }
}
