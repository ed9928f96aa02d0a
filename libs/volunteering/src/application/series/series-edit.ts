import { LockMode } from '@mikro-orm/core';
import { EntityManager, RequiredEntityData } from '@mikro-orm/postgresql';
import { DomainError, notFound, scopeToCommunity } from '@linli/platform';
import {
  ZoneRules,
  formatLocal,
  parseRecurrenceRule,
  type HolidayCalendar,
  type HolidayPolicy,
  type Occurrence,
  type SeriesDefinition,
} from '@linli/recurrence';
import type { HoldReason } from '../../domain/series-edit-plan';
import type { ReleasedPlace } from '../shifts/release-overlapping-claims';
import {
  TEMPLATE_FIELDS,
  definitionOf,
  withStartTime,
  type ShiftTemplate,
} from '../../domain/series-pattern';
import type { Shift } from '../../infra/shift.entity';
import { ShiftSeries } from '../../infra/shift-series.entity';
import { occurrenceAt, withRecurrenceErrors } from './series-occurrences';

/** What a series edit is, and the pieces both edit use cases share. */
export type SeriesEditScope = 'this' | 'following' | 'all';

export interface SeriesChanges extends Partial<ShiftTemplate> {
  /** Local wall time `HH:mm`; the day of each occurrence stays. */
  startTime?: string;
  durationMinutes?: number;
  rrule?: string;
  holidayPolicy?: HolidayPolicy;
  exdates?: string[];
}

export interface SeriesEdit {
  scope: SeriesEditScope;
  /** The occurrence's original start (required for this / following). */
  occurrence?: Date;
  changes: SeriesChanges;
  /** Also change shifts someone edited by hand (they follow the series again afterwards). */
  includeEditedByHand?: boolean;
}

export interface SeriesEditResult {
  series: ShiftSeries;
  /** This-and-following: the series that now carries the occurrences from the split on. */
  newSeries: ShiftSeries | null;
  changed: string[];
  created: string[];
  cancelled: { shiftId: string; affectedPersonIds: string[] }[];
  untouched: { shiftId: string; reason: HoldReason }[];
  /** Shifts the edit could not change (e.g. a move would overlap someone's other shift): left as they were. */
  failed: { shiftId: string; code: string; detail: string }[];
  /**
   * Places released because a moved shift now overlaps another shift of the person: they are told
   * (ClaimCancelled with reason `overlaps`), the place goes to the waitlist, the others move.
   */
  released: ReleasedPlace[];
}

export const PATTERN_FIELDS = ['rrule', 'holidayPolicy', 'exdates'] as const;

/** Locks the series row for the edit; an ended series is not edited. */
export async function lockOpenSeries(
  em: EntityManager,
  communityId: string,
  id: string,
  now: Date,
): Promise<ShiftSeries> {
  scopeToCommunity(em, communityId);
  const series = await em.findOne(
    ShiftSeries,
    { id, community: communityId },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!series) throw notFound('Shift series');
  if (series.endedAt && series.endedAt <= now)
    throw new DomainError('SERIES_ENDED', 'the series has ended; create a new one');
  return series;
}

/** The occurrence with this original start, or a coded refusal. */
export function findOccurrence(series: ShiftSeries, occurrence: Date, holidays: HolidayCalendar): Occurrence {
  const found = withRecurrenceErrors(() =>
    occurrenceAt(definitionOf(series), occurrence.getTime(), holidays),
  );
  if (!found || (series.endedAt && occurrence >= series.endedAt))
    throw new DomainError(
      'OCCURRENCE_NOT_IN_SERIES',
      `${occurrence.toISOString()} is not the original start of an occurrence of this series`,
      [{ field: 'occurrence', message: 'not an occurrence of this series' }],
    );
  return found;
}

/** Writes the pattern: in place (all), or ends the series at the split and starts a new one. */
export function writeSeries(
  em: EntityManager,
  series: ShiftSeries,
  split: { from: number; before?: SeriesDefinition; after: SeriesDefinition },
  changes: SeriesChanges,
  template: Partial<ShiftTemplate>,
): ShiftSeries {
  const { estateId, ...fields } = template;
  const pattern = {
    rrule: split.after.rrule!,
    dtstart: split.after.dtstart,
    exdates: split.after.exdates ?? [],
    holidayPolicy: split.after.holidayPolicy ?? series.holidayPolicy,
    durationMinutes: changes.durationMinutes ?? series.durationMinutes,
  };
  const estate = estateId === undefined ? (series.estate?.id ?? null) : estateId;
  if (!split.before) {
    em.assign(series, { ...fields, ...pattern, estate, version: series.version + 1 });
    return series;
  }
  const next = em.create(ShiftSeries, {
    community: series.community.id,
    title: series.title,
    description: series.description ?? null,
    locationText: series.locationText ?? null,
    originContext: series.originContext ?? null,
    originId: series.originId ?? null,
    timeZone: series.timeZone,
    capacity: series.capacity,
    requiredQualifications: series.requiredQualifications,
    minAge: series.minAge ?? null,
    reservedForKinds: series.reservedForKinds,
    signupOpensDays: series.signupOpensDays ?? null,
    cancelCutoffMinutes: series.cancelCutoffMinutes ?? null,
    releaseLeadMinutes: series.releaseLeadMinutes ?? null,
    materialisedUntil: series.materialisedUntil ?? null,
    endedAt: series.endedAt ?? null,
    ...fields,
    ...pattern,
    estate,
  } as RequiredEntityData<ShiftSeries>);
  series.rrule = split.before.rrule!;
  series.exdates = split.before.exdates ?? [];
  series.endedAt = new Date(split.from);
  series.version += 1;
  return next;
}

export function invalid(field: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `${field.replace(/^body\./, '')}: ${message}`, [
    { field, message },
  ]);
}

/** The pattern part of the changes, as the recurrence engine's edit functions take it. */
export function patternChange(changes: SeriesChanges, dtstart: string): Partial<SeriesDefinition> {
  const change: Partial<SeriesDefinition> = {};
  if (changes.rrule !== undefined) change.rrule = changes.rrule;
  if (changes.holidayPolicy !== undefined) change.holidayPolicy = changes.holidayPolicy;
  if (changes.exdates !== undefined) change.exdates = changes.exdates;
  if (changes.durationMinutes !== undefined) change.duration = `PT${changes.durationMinutes}M`;
  if (changes.startTime !== undefined) change.dtstart = withStartTime(dtstart, changes.startTime);
  return change;
}

export function templateOf(changes: SeriesChanges): Partial<ShiftTemplate> {
  const template: Partial<ShiftTemplate> = {};
  for (const field of TEMPLATE_FIELDS)
    if (changes[field] !== undefined) Object.assign(template, { [field]: changes[field] });
  return template;
}

export function templateView(shift: Shift): ShiftTemplate & { startsAt: Date; endsAt: Date } {
  return {
    title: shift.title,
    description: shift.description ?? null,
    locationText: shift.locationText ?? null,
    estateId: shift.estate?.id ?? null,
    capacity: shift.capacity,
    requiredQualifications: shift.requiredQualifications,
    minAge: shift.minAge ?? null,
    reservedForKinds: shift.reservedForKinds,
    signupOpensDays: shift.signupOpensDays ?? null,
    cancelCutoffMinutes: shift.cancelCutoffMinutes ?? null,
    releaseLeadMinutes: shift.releaseLeadMinutes ?? null,
    startsAt: shift.startsAt,
    endsAt: shift.endsAt,
  };
}

/** A start time moves DTSTART; a rule that names its own hours or minutes would ignore it. */
export function assertTimeFromStart(definition: SeriesDefinition): void {
  const rule = withRecurrenceErrors(() => parseRecurrenceRule(definition.rrule ?? ''), 'changes');
  if (rule.byHour || rule.byMinute)
    throw invalid('changes.startTime', 'the rule sets BYHOUR/BYMINUTE: change the times in rrule instead');
}

/** Refused before anything changes: capacity below the places already taken on a shift. */
export function assertCapacity(shift: Shift, capacity: number | undefined, zone: ZoneRules): void {
  const taken = shift.confirmedCount + shift.heldCount;
  if (capacity === undefined || capacity >= taken) return;
  const when = formatLocal(zone.toLocal(shift.startsAt.getTime())).slice(0, 16).replace('T', ' ');
  throw new DomainError(
    'CONFLICT',
    `capacity cannot go below the ${taken} places already taken or held on the shift at ${when}`,
    [{ field: 'changes.capacity', message: 'below places taken' }],
  );
}
