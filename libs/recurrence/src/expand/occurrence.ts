import type { InstantMs, LocalMs } from '../time/local-date-time';

/** Why an occurrence is not where the rule alone would put it, or what to know about it. */
export type OccurrenceFlag =
  /** The wall time fell in a DST gap and was moved forward by the gap. */
  | 'dst_gap_shifted'
  /** The wall time was ambiguous (DST fall-back); the earlier instant was taken. */
  | 'dst_ambiguous_earlier'
  /** Added by RDATE. */
  | 'extra_date'
  /** Moved or changed by an override (RECURRENCE-ID). */
  | 'overridden'
  /** Moved off a statutory holiday to the next working day (policy move_to_next_workday). */
  | 'moved_from_holiday'
  /** Held on a make-up workday (policy skip_holidays_add_workdays). */
  | 'makeup_workday'
  /** The holiday policy could not be applied: no official schedule for this year yet. */
  | 'holiday_data_missing'
  /** A lunar date that does not exist this year, moved per SKIP=BACKWARD/FORWARD. */
  | 'lunar_date_adjusted';

export interface LunarLabel {
  /** e.g. 九月初九, 闰五月初五 */
  label: string;
  month: number;
  day: number;
  leap: boolean;
}

export interface Occurrence {
  /** The rule's original start (RECURRENCE-ID): stable identity of this occurrence even when moved. */
  recurrenceId: LocalMs;
  start: LocalMs;
  startInstant: InstantMs;
  /** UTC offset at the start, ms east of UTC. */
  startOffset: number;
  end: LocalMs;
  endInstant: InstantMs;
  endOffset: number;
  flags: OccurrenceFlag[];
  /** For lunar rules. */
  lunar?: LunarLabel;
  /** The holiday involved, when a policy changed this occurrence. */
  holidayName?: string;
}

/** An occurrence the rule produced but the output leaves out, with the reason (for previews). */
export interface SkippedOccurrence {
  recurrenceId: LocalMs;
  reason: 'statutory_holiday' | 'exdate' | 'cancelled' | 'merged_with_existing';
  holidayName?: string;
}

export interface ExpansionResult {
  occurrences: Occurrence[];
  skipped: SkippedOccurrence[];
  /** True when the limit cut the list short; more occurrences exist in the window. */
  truncated: boolean;
}

export type HolidayPolicy =
  'ignore' | 'skip_holidays' | 'skip_holidays_add_workdays' | 'move_to_next_workday';
export const HOLIDAY_POLICIES: readonly HolidayPolicy[] = [
  'ignore',
  'skip_holidays',
  'skip_holidays_add_workdays',
  'move_to_next_workday',
];

/** One occurrence changed by hand: moved, re-timed, or cancelled (keyed by its original start). */
export interface OccurrenceOverride {
  recurrenceId: string;
  start?: string;
  duration?: string;
  cancelled?: boolean;
}

export interface SeriesDefinition {
  /** RFC 5545 RRULE (optionally with RSCALE/SKIP). Absent: just DTSTART and RDATEs. */
  rrule?: string;
  /** Local wall time of the first occurrence, `2026-10-18T09:00:00`. */
  dtstart: string;
  /** IANA zone the wall times are in. */
  timeZone: string;
  /** ISO 8601 duration, e.g. PT2H (default PT0S). */
  duration?: string;
  /** Extra local start times. */
  rdates?: string[];
  /** Local start times to leave out (original starts). */
  exdates?: string[];
  overrides?: OccurrenceOverride[];
  holidayPolicy?: HolidayPolicy;
}

export interface ExpansionWindow {
  /** Occurrences starting at or after this instant... */
  from: InstantMs;
  /** ...and before this one. At most 10 years after `from`. */
  to: InstantMs;
  /** At most this many occurrences (default 1000, max 5000); `truncated` says if more exist. */
  limit?: number;
}

export const LIMITS = {
  maxWindowYears: 10,
  defaultOccurrences: 1000,
  maxOccurrences: 5000,
  maxListEntries: 1000,
  /** Rule iterations (candidate periods) the engine will do for one call before giving up. */
  maxIterations: 2_000_000,
} as const;
