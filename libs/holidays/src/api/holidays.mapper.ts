import type { HolidayYearView } from '../application/holiday-calendar.service';
import type { HolidayImportSummary } from '../application/import-holiday-year.use-case';
import type { CalendarDayView } from '../domain/holiday-day';
import type { HolidayReplanReport, ReplannedOccurrence } from '../domain/holiday-replan';
import type {
  HolidayDayResponse,
  HolidayImportSummaryResponse,
  HolidayReplanResponse,
  HolidayYearResponse,
} from './holiday.schema';

/** Responses are built here, field by field, so nothing from the entities leaks out. */
export function mapHolidayDay(day: CalendarDayView): HolidayDayResponse {
  return {
    date: day.date,
    kind: day.kind,
    name: day.name,
    source: day.source,
    note: day.note,
    bundled: day.bundled ? { kind: day.bundled.kind, name: day.bundled.name } : null,
  };
}

export function mapHolidayYear(view: HolidayYearView): HolidayYearResponse {
  return {
    year: view.year,
    hasOfficialData: view.hasOfficialData,
    importedAt: view.importedAt?.toISOString() ?? null,
    days: view.days.map(mapHolidayDay),
  };
}

function mapOccurrence(o: ReplannedOccurrence) {
  return {
    context: o.context,
    shiftId: o.shiftId,
    seriesId: o.seriesId,
    title: o.title,
    startsAt: o.startsAt.toISOString(),
    ...(o.holidayName ? { holidayName: o.holidayName } : {}),
    people: o.people,
  };
}

export function mapReplan(report: HolidayReplanReport): HolidayReplanResponse {
  return {
    cancelled: report.cancelled.map(mapOccurrence),
    moved: report.moved.map((o) => ({
      ...mapOccurrence(o),
      from: o.from.toISOString(),
      to: o.to.toISOString(),
    })),
    added: report.added.map(mapOccurrence),
    refused: report.refused.map((o) => ({ ...mapOccurrence(o), code: o.code, message: o.message })),
  };
}

export function mapImportSummary(summary: HolidayImportSummary): HolidayImportSummaryResponse {
  return { ...summary, replanned: mapReplan(summary.replanned) };
}
