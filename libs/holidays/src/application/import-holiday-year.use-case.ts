import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Actor, Clock } from '@linli/platform';
import { parseHolidayImport } from '../domain/holiday-import';
import type { ImportFormat } from '../domain/holiday-file';
import { HolidayOverride } from '../infra/holiday-override.entity';
import { HolidayYear } from '../infra/holiday-year.entity';
import { lockHolidayYear } from '../infra/holiday-year-lock';
import { holidaysError } from '../domain/holidays-errors';
import type { HolidayReplanReport } from '../domain/holiday-replan';
import { HolidayChangeHandlers } from './holiday-change-handlers';

export interface ImportHolidayYearInput {
  year: number;
  format: ImportFormat;
  content: string;
}

export interface HolidayImportSummary {
  year: number;
  days: number;
  off: number;
  workday: number;
  /** Overrides of the year that the import replaced. */
  replaced: number;
  /** What the new schedule changed in what was planned (shifts not yet held). */
  replanned: HolidayReplanReport;
}

/**
 * Loads a year's schedule from a JSON or iCalendar file (the State Council publishes it each
 * November): the file's days replace every override of that year in one transaction, and the year
 * then counts as known. A file with any problem is refused whole; nothing is written.
 *
 * After the commit, whatever was planned by the calendar for the year and is not held yet is
 * re-planned (issue 10). The re-plan compares what is planned with what the calendar now says,
 * so it can run again (a second import of the same file changes nothing): a re-plan cut short
 * by a crash is finished by the next import or correction.
 */
@Injectable()
export class ImportHolidayYearUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly handlers: HolidayChangeHandlers,
  ) {}

  async execute(actor: Actor, input: ImportHolidayYearInput): Promise<HolidayImportSummary> {
    const parsed = parseHolidayImport(input);
    if (!parsed.ok) {
      throw holidaysError(
        'HOLIDAY_IMPORT_INVALID',
        `The ${input.format.toUpperCase()} file for ${input.year} cannot be imported: ${parsed.problems[0]}`,
        parsed.problems.map((message) => ({ field: 'content', message })),
      );
    }
    const { year } = input;
    const community = actor.communityId;
    const replaced = await this.em.transactional(async (em) => {
      await lockHolidayYear(em, community, year);
      const removed = await em.nativeDelete(HolidayOverride, {
        community,
        date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` },
      });
      for (const day of parsed.days) {
        em.create(HolidayOverride, { community, ...day });
      }
      const importedAt = this.clock.now();
      const record =
        (await em.findOne(HolidayYear, { community, year })) ??
        em.create(HolidayYear, { community, year, source: 'import', importedAt });
      record.importedAt = importedAt;
      await em.flush();
      return removed;
    });
    const off = parsed.days.filter((day) => day.kind === 'off').length;
    const replanned = await this.handlers.afterHolidaysChanged(community, {
      from: `${year}-01-01`,
      to: `${year}-12-31`,
    });
    return { year, days: parsed.days.length, off, workday: parsed.days.length - off, replaced, replanned };
  }
}
