import { formatInstant, formatOptionalInstant } from '@linli/platform';
import type { SeriesEditResult } from '../application/series/edit-shift-series.use-case';
import type { Shift } from '../infra/shift.entity';
import type { ShiftSeries } from '../infra/shift-series.entity';
import { mapShift } from './volunteering.mapper';
import type {
  SeriesEditResultResponse,
  SeriesShiftResponse,
  ShiftSeriesResponse,
} from './shift-series.schema';

/** A series' instants are written in its own zone, the one it repeats in and names. */
export function mapShiftSeries(series: ShiftSeries): ShiftSeriesResponse {
  const zone = series.timeZone;
  return {
    id: series.id,
    title: series.title,
    description: series.description ?? null,
    locationText: series.locationText ?? null,
    estateId: series.estate?.id ?? null,
    rrule: series.rrule,
    dtstart: series.dtstart,
    timeZone: series.timeZone,
    holidayPolicy: series.holidayPolicy,
    durationMinutes: series.durationMinutes,
    exdates: series.exdates,
    capacity: series.capacity,
    requiredQualifications: series.requiredQualifications,
    minAge: series.minAge ?? null,
    reservedForKinds: series.reservedForKinds,
    signupOpensDays: series.signupOpensDays ?? null,
    cancelCutoffMinutes: series.cancelCutoffMinutes ?? null,
    releaseLeadMinutes: series.releaseLeadMinutes ?? null,
    materialisedUntil: formatOptionalInstant(series.materialisedUntil, zone),
    endedAt: formatOptionalInstant(series.endedAt, zone),
    version: series.version,
    origin:
      series.originContext && series.originId ? { context: series.originContext, id: series.originId } : null,
    createdAt: formatInstant(series.createdAt, zone),
    updatedAt: formatInstant(series.updatedAt, zone),
  };
}

export function mapSeriesEditResult(result: SeriesEditResult): SeriesEditResultResponse {
  return {
    series: mapShiftSeries(result.series),
    newSeries: result.newSeries ? mapShiftSeries(result.newSeries) : null,
    changed: result.changed,
    created: result.created,
    cancelled: result.cancelled,
    untouched: result.untouched,
    failed: result.failed,
    released: result.released,
  };
}

export function mapSeriesShift(shift: Shift): SeriesShiftResponse {
  return {
    ...mapShift(shift),
    seriesOccurrence: formatOptionalInstant(shift.seriesOccurrence, shift.timeZone),
    editedByHand: shift.editedByHand,
  };
}
