import { Inject, Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager, FilterQuery, RequiredEntityData } from '@mikro-orm/postgresql';
import {
  Clock,
  DomainError,
  escapeLike,
  findPage,
  inTransaction,
  notFound,
  recordEvents,
  scopeToCommunity,
} from '@linli/platform';
import { HolidayCalendarService } from '@linli/holidays';
import { IdentityDirectory } from '@linli/identity';
import type { HolidayCalendar, HolidayPolicy } from '@linli/recurrence';
import { definitionOf, materialiseWindow } from '../../domain/series-pattern';
import { Claim } from '../../infra/claim.entity';
import { Shift } from '../../infra/shift.entity';
import { ShiftSeries } from '../../infra/shift-series.entity';
import { insertSeriesShifts } from '../../infra/series-shifts.repository';
import { effectiveRules } from '../claims/effective-rules';
import { shiftEvent } from '../shifts/shift-events';
import { ShiftsService, type ShiftOrigin } from '../shifts/shifts.service';
import { StandingCommitmentsUseCase } from '../commitments/standing-commitments.use-case';
import {
  checkSeriesDefinition,
  occurrenceRow,
  occurrencesIn,
  withRecurrenceErrors,
} from './series-occurrences';

/** A repeating shift: the pattern plus the fields every shift of it starts with. */
export interface ShiftSeriesInput {
  title: string;
  description?: string | null;
  locationText?: string | null;
  estateId?: string | null;
  rrule: string;
  dtstart: string;
  timeZone: string;
  holidayPolicy: HolidayPolicy;
  durationMinutes: number;
  exdates?: string[];
  capacity: number;
  requiredQualifications?: string[];
  minAge?: number | null;
  reservedForKinds?: string[];
  signupOpensDays?: number | null;
  cancelCutoffMinutes?: number | null;
  releaseLeadMinutes?: number | null;
}

export interface MaterialiseResult {
  /** Ids of the shifts this run created (none when another run holds the series). */
  created: string[];
  materialisedUntil: Date | null;
}

const ENDED_REASON = '重复班次已结束';

/**
 * 重复班次: series of shifts. Other contexts may create series for their records too (origin).
 * Shifts exist for a rolling horizon; `materialise` extends it and is safe to run any number of
 * times from any number of workers.
 */
@Injectable()
export class ShiftSeriesService {
  constructor(
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
    private readonly calendars: HolidayCalendarService,
    private readonly shifts: ShiftsService,
    private readonly identity: IdentityDirectory,
    private readonly commitments: StandingCommitmentsUseCase,
  ) {}

  /** Saves a series (refusing a rule that cannot work) and materialises its first weeks at once. */
  async create(communityId: string, input: ShiftSeriesInput, origin?: ShiftOrigin): Promise<ShiftSeries> {
    const holidays = await this.calendars.forCommunity(communityId);
    const { estateId, exdates = [], ...fields } = input;
    withRecurrenceErrors(() => checkSeriesDefinition(definitionOf({ ...input, exdates }), holidays));
    if (estateId) await this.assertEstate(communityId, estateId, 'estateId');
    return inTransaction(this.em, async (tx) => {
      const em = tx as EntityManager;
      scopeToCommunity(em, communityId);
      const series = em.create(ShiftSeries, {
        ...fields,
        exdates,
        community: communityId,
        estate: estateId ?? null,
        originContext: origin?.context ?? null,
        originId: origin?.id ?? null,
      } as RequiredEntityData<ShiftSeries>);
      await em.flush();
      await this.materialiseLocked(em, series, this.clock.now(), holidays);
      return series;
    });
  }

  async get(communityId: string, id: string): Promise<ShiftSeries> {
    const series = await this.em.findOne(ShiftSeries, { id, community: communityId });
    if (!series) throw notFound('Shift series');
    return series;
  }

  list(
    communityId: string,
    query: { page: number; pageSize: number; sort: string; q?: string; active?: boolean },
  ) {
    const now = this.clock.now();
    const where: FilterQuery<ShiftSeries> & Record<string, unknown> = { community: communityId };
    if (query.active === true) where.$or = [{ endedAt: null }, { endedAt: { $gt: now } }];
    if (query.active === false) where.endedAt = { $lte: now };
    if (query.q) where.title = { $ilike: `%${escapeLike(query.q)}%` };
    return findPage(this.em, ShiftSeries, where, query);
  }

  /** The series' shifts in a time range, in order of start. */
  async shiftsOf(
    communityId: string,
    id: string,
    query: {
      page: number;
      pageSize: number;
      sort: string;
      from?: Date;
      to?: Date;
      status?: 'open' | 'cancelled';
    },
  ) {
    await this.get(communityId, id);
    const where: FilterQuery<Shift> & Record<string, unknown> = { community: communityId, series: id };
    if (query.from || query.to)
      where.startsAt = {
        ...(query.from ? { $gte: query.from } : {}),
        ...(query.to ? { $lt: query.to } : {}),
      };
    if (query.status) where.status = query.status;
    return findPage(this.em, Shift, where, query);
  }

  /**
   * Creates the shifts of the series' occurrences up to the horizon. `wait`: an organiser's call
   * waits for a run in progress and then finds nothing left to do; the worker skips a locked
   * series (another worker has it). The unique (series, occurrence) holds even without the lock.
   */
  async materialise(
    communityId: string,
    seriesId: string,
    now: Date = this.clock.now(),
    options: { wait: boolean } = { wait: true },
  ): Promise<MaterialiseResult> {
    const holidays = await this.calendars.forCommunity(communityId);
    const result = await inTransaction(this.em, async (tx) => {
      const em = tx as EntityManager;
      scopeToCommunity(em, communityId);
      const series = await em.findOne(
        ShiftSeries,
        { id: seriesId, community: communityId },
        { lockMode: options.wait ? LockMode.PESSIMISTIC_WRITE : LockMode.PESSIMISTIC_PARTIAL_WRITE },
      );
      if (!series) {
        if (options.wait) throw notFound('Shift series');
        return { created: [], materialisedUntil: null };
      }
      return this.materialiseLocked(em, series, now, holidays);
    });
    // Standing commitments take the new occurrences (after the commit: each claim is its own transaction).
    await this.commitments.applyForSeries(communityId, seriesId);
    return result;
  }

  /** With the series row locked: expand the next window, insert what is missing, move the mark. */
  async materialiseLocked(
    em: EntityManager,
    series: ShiftSeries,
    now: Date,
    holidays: HolidayCalendar,
  ): Promise<MaterialiseResult> {
    const { horizonWeeks } = await effectiveRules(em, series.community.id);
    const window = materialiseWindow({
      now: now.getTime(),
      materialisedUntil: series.materialisedUntil?.getTime(),
      endedAt: series.endedAt?.getTime(),
      horizonWeeks,
    });
    if (!window) return { created: [], materialisedUntil: series.materialisedUntil ?? null };
    const definition = definitionOf(series);
    const { occurrences, truncated } = withRecurrenceErrors(() =>
      occurrencesIn(definition, window, holidays),
    );
    const created = await insertSeriesShifts(
      em,
      series.id,
      occurrences.map((o) => occurrenceRow(definition, o)),
    );
    await this.recordScheduled(em, series.community.id, created, now);
    series.materialisedUntil = new Date(
      truncated ? occurrences[occurrences.length - 1].startInstant + 1 : window.to,
    );
    await em.flush();
    return { created, materialisedUntil: series.materialisedUntil };
  }

  /** Publishes ShiftScheduled for shifts inserted in bulk, as `ShiftsService.schedule` does for one. */
  async recordScheduled(em: EntityManager, communityId: string, ids: string[], now: Date): Promise<void> {
    if (!ids.length) return;
    const shifts = await em.find(Shift, { id: { $in: ids }, community: communityId });
    recordEvents(
      em,
      shifts.map((shift) => shiftEvent(shift, 'ShiftScheduled', now)),
    );
  }

  /**
   * Ends a series now: no more shifts are made; its future shifts nobody is on (or holds places
   * on) are cancelled; the ones with people stay for the organiser to decide.
   */
  async end(
    communityId: string,
    id: string,
  ): Promise<{ series: ShiftSeries; cancelled: string[]; kept: string[] }> {
    const now = this.clock.now();
    const future = await inTransaction(this.em, async (tx) => {
      const em = tx as EntityManager;
      scopeToCommunity(em, communityId);
      const series = await em.findOne(
        ShiftSeries,
        { id, community: communityId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!series) throw notFound('Shift series');
      if (!series.endedAt || series.endedAt > now) {
        series.endedAt = now;
        series.version += 1;
      }
      await em.flush();
      return em.find(
        Shift,
        { community: communityId, series: id, status: 'open', startsAt: { $gt: now } },
        { orderBy: { startsAt: 'asc' } },
      );
    });
    const cancelled: string[] = [];
    const kept: string[] = [];
    for (const shift of future) {
      const active = await this.em.count(Claim, {
        community: communityId,
        shift: shift.id,
        status: { $in: ['confirmed', 'waitlisted'] },
      });
      if (active || shift.heldCount) {
        kept.push(shift.id);
        continue;
      }
      await this.shifts.cancel(communityId, shift.id, ENDED_REASON);
      cancelled.push(shift.id);
    }
    return { series: await this.reload(communityId, id), cancelled, kept };
  }

  /** The estate must be one of the community's (identity's read port); `field` names it in the refusal. */
  async assertEstate(communityId: string, estateId: string, field: string): Promise<void> {
    if (!(await this.identity.estate(communityId, estateId)))
      throw new DomainError('REFERENCE_INVALID', 'estateId names no estate of this community', [
        { field, message: 'no such estate' },
      ]);
  }

  async reload(communityId: string, id: string): Promise<ShiftSeries> {
    const em = this.em.fork();
    scopeToCommunity(em, communityId);
    const series = await em.findOne(ShiftSeries, { id, community: communityId });
    if (!series) throw notFound('Shift series');
    return series;
  }
}
