import { Inject, Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Clock, DomainError, inTransaction, scopeToCommunity } from '@linli/platform';
import {
  HolidayCalendarService,
  HolidayChangeHandlerProvider,
  emptyReplanReport,
  type HolidayChange,
  type HolidayChangeHandler,
  type HolidayReplanReport,
} from '@linli/holidays';
import {
  ZoneRules,
  expandSeries,
  parseLocalDateTime,
  type HolidayCalendar,
  type Occurrence,
} from '@linli/recurrence';
import { definitionOf } from '../../domain/series-pattern';
import { Claim } from '../../infra/claim.entity';
import { Shift } from '../../infra/shift.entity';
import { ShiftSeries } from '../../infra/shift-series.entity';
import { insertSeriesShifts } from '../../infra/series-shifts.repository';
import { ShiftsService } from '../shifts/shifts.service';
import { ShiftSeriesService } from './shift-series.service';
import { occurrenceKey, occurrenceRow } from './series-occurrences';

const DAY = 86_400_000;
/** A holiday policy moves an occurrence at most two weeks (MAX_MOVE_DAYS is 14): look that far around. */
const MOVE_REACH = 15 * DAY;
/** Bound per series and change (a year of an hourly series is more than anyone staffs). */
const MAX_OCCURRENCES = 5000;
const HOLIDAY_REASON = (name: string) => `法定节假日安排调整：${name}`;

/**
 * Issue 10: after a year is imported or a day corrected, the series that plan by the holiday
 * calendar get the shifts they would have had: for each series (policy other than `ignore`,
 * not ended) and each occurrence whose original start falls in the changed days (±2 weeks, for
 * moves) and is still ahead:
 * - the calendar now skips it (a day off): its shift is cancelled; people on it get the usual
 *   cancellation (ShiftCancelled: CANCEL invite, reminders withdrawn);
 * - it now falls on another day (move_to_next_workday): its shift moves, claims with it, under the
 *   usual rules (ShiftChanged: updated invite, reminders re-planned); a move onto someone's
 *   other shift is refused and reported, the shift stays;
 * - it is new (a make-up workday, a day no longer off): its shift is made (ShiftScheduled).
 * Shifts edited by hand, already started or cancelled stay as they are. Each shift's change is
 * its own transaction with its own event, so people hear of it once; running again finds nothing
 * to do, which also finishes a re-plan a crash cut short.
 */
@HolidayChangeHandlerProvider()
@Injectable()
export class ReplanSeriesForHolidaysUseCase implements HolidayChangeHandler {
  constructor(
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
    private readonly calendars: HolidayCalendarService,
    private readonly shifts: ShiftsService,
    private readonly seriesService: ShiftSeriesService,
  ) {}

  async afterHolidaysChanged(communityId: string, change: HolidayChange): Promise<HolidayReplanReport> {
    const report = emptyReplanReport();
    const now = this.clock.now();
    const holidays = await this.calendars.forCommunity(communityId);
    const affected = await this.scoped(communityId).find(
      ShiftSeries,
      {
        community: communityId,
        holidayPolicy: { $ne: 'ignore' },
        materialisedUntil: { $gt: now },
        $or: [{ endedAt: null }, { endedAt: { $gt: now } }],
      },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    for (const series of affected) {
      await this.replanSeries(communityId, series, change, holidays, now, report);
    }
    return report;
  }

  private async replanSeries(
    communityId: string,
    series: ShiftSeries,
    change: HolidayChange,
    holidays: HolidayCalendar,
    now: Date,
    report: HolidayReplanReport,
  ): Promise<void> {
    const definition = definitionOf(series);
    const zone = ZoneRules.for(series.timeZone);
    const changedFrom = zone.resolve(parseLocalDateTime(`${change.from}T00:00:00`, 'from')).instant;
    const changedTo = zone.resolve(parseLocalDateTime(`${change.to}T00:00:00`, 'to')).instant + DAY;
    // Original starts that can land on (or leave) the changed days, ahead of now, already planned.
    const from = Math.max(now.getTime(), changedFrom - MOVE_REACH);
    const to = Math.min(series.materialisedUntil!.getTime(), changedTo + MOVE_REACH);
    if (from >= to) return;

    const expansion = expandSeries(
      definition,
      { from: from - MOVE_REACH, to: to + MOVE_REACH, limit: MAX_OCCURRENCES },
      holidays,
    );
    const inRange = (key: number) => key >= from && key < to;
    const expected = new Map<number, Occurrence>();
    for (const occurrence of expansion.occurrences) {
      const key = occurrenceKey(definition, occurrence).getTime();
      if (inRange(key)) expected.set(key, occurrence);
    }
    const skippedFor = new Map<number, string | undefined>();
    for (const skipped of expansion.skipped) {
      if (skipped.reason !== 'statutory_holiday') continue;
      skippedFor.set(zone.resolve(skipped.recurrenceId).instant, skipped.holidayName);
    }

    const planned = await this.scoped(communityId).find(
      Shift,
      {
        community: communityId,
        series: series.id,
        seriesOccurrence: { $gte: new Date(from), $lt: new Date(to) },
      },
      { orderBy: { seriesOccurrence: 'asc' } },
    );
    const plannedKeys = new Set(planned.map((shift) => shift.seriesOccurrence!.getTime()));
    const base = { context: 'volunteering', seriesId: series.id };

    for (const shift of planned) {
      const key = shift.seriesOccurrence!.getTime();
      if (shift.status !== 'open' || shift.editedByHand || shift.startsAt <= now) continue;
      const occurrence = expected.get(key);
      const entry = { ...base, shiftId: shift.id, title: shift.title, startsAt: shift.startsAt };
      if (!occurrence) {
        if (!skippedFor.has(key)) continue;
        const holidayName = skippedFor.get(key);
        try {
          const { affected } = await this.shifts.cancel(
            communityId,
            shift.id,
            HOLIDAY_REASON(holidayName ?? '节假日'),
          );
          report.cancelled.push({
            ...entry,
            ...(holidayName ? { holidayName } : {}),
            people: affected.length,
          });
        } catch (error) {
          report.refused.push({ ...entry, people: 0, ...refusal(error) });
        }
        continue;
      }
      if (
        occurrence.startInstant === shift.startsAt.getTime() &&
        occurrence.endInstant === shift.endsAt.getTime()
      )
        continue;
      const people = await this.peopleOn(communityId, shift.id);
      try {
        await this.shifts.change(communityId, shift.id, {
          startsAt: new Date(occurrence.startInstant),
          endsAt: new Date(occurrence.endInstant),
        });
        // The calendar moved it, not a person: later series edits still apply to it.
        await this.scoped(communityId).nativeUpdate(
          Shift,
          { id: shift.id, community: communityId },
          { editedByHand: false },
        );
        report.moved.push({
          ...entry,
          ...(occurrence.holidayName ? { holidayName: occurrence.holidayName } : {}),
          people,
          from: shift.startsAt,
          to: new Date(occurrence.startInstant),
        });
      } catch (error) {
        report.refused.push({ ...entry, people, ...refusal(error) });
      }
    }

    const missing = [...expected.entries()]
      .filter(([key, occurrence]) => !plannedKeys.has(key) && occurrence.startInstant > now.getTime())
      .map(([, occurrence]) => occurrence);
    if (missing.length) await this.add(communityId, series, missing, now, report);
  }

  /** New occurrences (make-up workdays, days no longer off): made as materialisation makes them. */
  private async add(
    communityId: string,
    series: ShiftSeries,
    occurrences: Occurrence[],
    now: Date,
    report: HolidayReplanReport,
  ): Promise<void> {
    const definition = definitionOf(series);
    const created = await inTransaction(this.em, async (tx) => {
      const em = tx as EntityManager;
      scopeToCommunity(em, communityId);
      // The series row's lock: materialisation and series edits do not run alongside.
      await em.findOne(
        ShiftSeries,
        { id: series.id, community: communityId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      const ids = await insertSeriesShifts(
        em,
        series.id,
        occurrences.map((o) => occurrenceRow(definition, o)),
      );
      await this.seriesService.recordScheduled(em, communityId, ids, now);
      return ids.length ? em.find(Shift, { id: { $in: ids }, community: communityId }) : [];
    });
    const names = new Map(occurrences.map((o) => [o.startInstant, o.holidayName]));
    for (const shift of created.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())) {
      const holidayName = names.get(shift.startsAt.getTime());
      report.added.push({
        context: 'volunteering',
        seriesId: series.id,
        shiftId: shift.id,
        title: shift.title,
        startsAt: shift.startsAt,
        ...(holidayName ? { holidayName } : {}),
        people: 0,
      });
    }
  }

  private scoped(communityId: string): EntityManager {
    const em = this.em.fork();
    scopeToCommunity(em, communityId);
    return em;
  }

  private async peopleOn(communityId: string, shiftId: string): Promise<number> {
    return this.scoped(communityId).count(Claim, {
      community: communityId,
      shift: shiftId,
      status: { $in: ['confirmed', 'waitlisted'] },
    });
  }
}

function refusal(error: unknown): { code: string; message: string } {
  if (error instanceof DomainError) return { code: error.code, message: error.message };
  throw error;
}
