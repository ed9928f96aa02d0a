import { formatInstant, formatOptionalInstant } from '@linli/platform';
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

/** Instants in the community's zone (`zone`), which the answer names. */
export function mapHolidayYear(view: HolidayYearView, zone: string): HolidayYearResponse {
  return {
    year: view.year,
    hasOfficialData: view.hasOfficialData,
    importedAt: formatOptionalInstant(view.importedAt, zone),
    timeZone: zone,
    days: view.days.map(mapHolidayDay),
  };
}

function mapOccurrence(o: ReplannedOccurrence, zone: string) {
  return {
    context: o.context,
    shiftId: o.shiftId,
    seriesId: o.seriesId,
    title: o.title,
    startsAt: formatInstant(o.startsAt, zone),
    ...(o.holidayName ? { holidayName: o.holidayName } : {}),
    people: o.people,
  };
}

/** What was re-planned, its instants in the community's zone (`zone`), which it names. */
export function mapReplan(report: HolidayReplanReport, zone: string): HolidayReplanResponse {
  const occurrence = (o: ReplannedOccurrence) => mapOccurrence(o, zone);
  return {
    timeZone: zone,
    cancelled: report.cancelled.map(occurrence),
    moved: report.moved.map((o) => ({
      ...occurrence(o),
      from: formatInstant(o.from, zone),
      to: formatInstant(o.to, zone),
    })),
    added: report.added.map(occurrence),
    refused: report.refused.map((o) => ({ ...occurrence(o), code: o.code, message: o.message })),
  };
}

export function mapImportSummary(summary: HolidayImportSummary, zone: string): HolidayImportSummaryResponse {
  return { ...summary, replanned: mapReplan(summary.replanned, zone) };
}
