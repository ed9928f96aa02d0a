import type { HolidayYearView } from '../application/holiday-calendar.service';
import type { CalendarDayView } from '../domain/holiday-day';
import type { HolidayDayResponse, HolidayYearResponse } from './holiday.schema';

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
