import type { HolidayPolicy, SeriesDefinition } from '@linli/recurrence';

const MINUTE = 60_000;
const WEEK = 7 * 24 * 60 * MINUTE;

/** The recurrence part of a stored series, as the engine reads it. */
export interface SeriesPattern {
  rrule: string;
  /** Local wall time of the first occurrence, `2026-12-01T09:00:00`. */
  dtstart: string;
  timeZone: string;
  holidayPolicy: string;
  durationMinutes: number;
  exdates: string[];
}

export function definitionOf(pattern: SeriesPattern): SeriesDefinition {
  return {
    rrule: pattern.rrule,
    dtstart: pattern.dtstart,
    timeZone: pattern.timeZone,
    duration: `PT${pattern.durationMinutes}M`,
    exdates: pattern.exdates,
    holidayPolicy: pattern.holidayPolicy as HolidayPolicy,
  };
}

/** `2026-12-01T09:00:00` with start time `10:30` -> `2026-12-01T10:30:00` (the day stays). */
export function withStartTime(localDateTime: string, startTime: string): string {
  return `${localDateTime.slice(0, 10)}T${startTime}:00`;
}

/**
 * The span the next materialisation covers: from where the last one stopped (never before now)
 * to the horizon, and never past the series' end. Undefined when there is nothing to do.
 */
export function materialiseWindow(input: {
  now: number;
  materialisedUntil?: number | null;
  endedAt?: number | null;
  horizonWeeks: number;
}): { from: number; to: number } | undefined {
  const from = Math.max(input.now, input.materialisedUntil ?? input.now);
  let to = input.now + input.horizonWeeks * WEEK;
  if (input.endedAt !== undefined && input.endedAt !== null) to = Math.min(to, input.endedAt);
  return to > from ? { from, to } : undefined;
}

/** The fields a series shares with its shifts. */
export interface ShiftTemplate {
  title: string;
  description: string | null;
  locationText: string | null;
  estateId: string | null;
  capacity: number;
  requiredQualifications: string[];
  minAge: number | null;
  reservedForKinds: string[];
  signupOpensDays: number | null;
  cancelCutoffMinutes: number | null;
  releaseLeadMinutes: number | null;
}

export const TEMPLATE_FIELDS = [
  'title',
  'description',
  'locationText',
  'estateId',
  'capacity',
  'requiredQualifications',
  'minAge',
  'reservedForKinds',
  'signupOpensDays',
  'cancelCutoffMinutes',
  'releaseLeadMinutes',
] as const satisfies readonly (keyof ShiftTemplate)[];

const same = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((item, i) => item === b[i])
    : a === b;

/**
 * What to change on one shift so it follows an edited series: its occurrence's times and the
 * template fields the edit names, only where they differ (so nothing is bumped for nothing).
 */
export function shiftChangesFor(
  current: ShiftTemplate & { startsAt: Date; endsAt: Date },
  target: { startsAt: Date; endsAt: Date; template: Partial<ShiftTemplate> },
): Partial<ShiftTemplate> & { startsAt?: Date; endsAt?: Date } {
  const changes: Partial<ShiftTemplate> & { startsAt?: Date; endsAt?: Date } = {};
  if (current.startsAt.getTime() !== target.startsAt.getTime()) changes.startsAt = target.startsAt;
  if (current.endsAt.getTime() !== target.endsAt.getTime()) changes.endsAt = target.endsAt;
  for (const field of TEMPLATE_FIELDS) {
    const value = target.template[field];
    if (value !== undefined && !same(value, current[field])) Object.assign(changes, { [field]: value });
  }
  return changes;
}
