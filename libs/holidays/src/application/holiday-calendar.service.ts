import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Actor, TENANT_FILTER, notFound } from '@linli/platform';
import { bundledChineseHolidays, withOverrides, type HolidayCalendar } from '@linli/recurrence';
import { CalendarDayView, CalendarYearView, OverrideKind, viewDay, viewYear } from '../domain/holiday-day';
import { yearOf } from '../domain/local-date';
import { HolidayOverride } from '../infra/holiday-override.entity';
import { HolidayYear } from '../infra/holiday-year.entity';
import { lockHolidayYear } from '../infra/holiday-year-lock';
import type { HolidayReplanReport } from '../domain/holiday-replan';
import { HolidayChangeHandlers } from './holiday-change-handlers';

export interface HolidayDayInput {
  kind: OverrideKind;
  name: string;
  note?: string | null;
}

/** A year as organisers administer it: the merged days plus when (if ever) the year was imported. */
export interface HolidayYearView extends CalendarYearView {
  importedAt: Date | null;
}

const yearRange = (year: number) => ({ $gte: `${year}-01-01`, $lte: `${year}-12-31` });

/** China's holiday calendar per community: the bundled State Council data under the organisers' overrides. */
@Injectable()
export class HolidayCalendarService {
  constructor(
    private readonly em: EntityManager,
    private readonly handlers: HolidayChangeHandlers,
  ) {}

  /**
   * The calendar the recurrence engine reads for a community. Other contexts call it (shift series,
   * also from background work), so it states its community to the tenant filter itself.
   */
  async forCommunity(communityId: string): Promise<HolidayCalendar> {
    const scope = { filters: { [TENANT_FILTER]: { communityId } } };
    const overrides = await this.em.find(HolidayOverride, { community: communityId }, scope);
    const years = await this.em.find(HolidayYear, { community: communityId }, scope);
    return withOverrides(
      bundledChineseHolidays(),
      overrides,
      years.map((imported) => imported.year),
    );
  }

  async listYear(actor: Actor, year: number): Promise<HolidayYearView> {
    const overrides = await this.em.find(HolidayOverride, {
      community: actor.communityId,
      date: yearRange(year),
    });
    const imported = await this.em.findOne(HolidayYear, { community: actor.communityId, year });
    const view = viewYear(year, bundledChineseHolidays(), overrides, imported ? [year] : []);
    return { ...view, importedAt: imported?.importedAt ?? null };
  }

  /**
   * Declares or corrects one date; the same call creates and updates (PUT). Then re-plans what
   * was planned around it and is not held yet (issue 10).
   */
  async upsertDay(
    actor: Actor,
    date: string,
    input: HolidayDayInput,
  ): Promise<{ day: CalendarDayView; replanned: HolidayReplanReport }> {
    const day = await this.em.transactional(async (em) => {
      await lockHolidayYear(em, actor.communityId, yearOf(date));
      const data = { kind: input.kind, name: input.name, note: input.note ?? null };
      const existing = await em.findOne(HolidayOverride, { community: actor.communityId, date });
      const override = existing
        ? em.assign(existing, data)
        : em.create(HolidayOverride, {
            community: actor.communityId,
            date,
            ...data,
          });
      await em.flush();
      return viewDay(date, bundledChineseHolidays(), override)!;
    });
    return {
      day,
      replanned: await this.handlers.afterHolidaysChanged(actor.communityId, { from: date, to: date }),
    };
  }

  /**
   * Drops an organiser's override: the date reads as bundled again (or as an ordinary day, `null`);
   * then re-plans around it as a correction does.
   */
  async removeOverride(
    actor: Actor,
    date: string,
  ): Promise<{ day: CalendarDayView | null; replanned: HolidayReplanReport }> {
    const day = await this.em.transactional(async (em) => {
      await lockHolidayYear(em, actor.communityId, yearOf(date));
      const override = await em.findOne(HolidayOverride, { community: actor.communityId, date });
      if (!override) throw notFound(`Holiday override for ${date}`);
      em.remove(override);
      await em.flush();
      return viewDay(date, bundledChineseHolidays(), undefined) ?? null;
    });
    return {
      day,
      replanned: await this.handlers.afterHolidaysChanged(actor.communityId, { from: date, to: date }),
    };
  }
}
