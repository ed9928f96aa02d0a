/**
 * What a change of the holiday calendar did to what was already planned (issue 10): the contexts
 * that plan by it (volunteering's shift series) re-plan their occurrences not yet held and say
 * what moved, so the organiser who imported or corrected a year sees it.
 */
export interface HolidayReplanReport {
  /** Now on a day off (skip policies): cancelled; the people on them are told. */
  cancelled: ReplannedOccurrence[];
  /** Moved to another day (move_to_next_workday), claims and all; the people on them are told. */
  moved: (ReplannedOccurrence & { from: Date; to: Date })[];
  /** Newly planned: a make-up workday, or a day that is no longer off. */
  added: ReplannedOccurrence[];
  /** What the usual rules refused (e.g. a move onto someone's other shift): left as it was. */
  refused: (ReplannedOccurrence & { code: string; message: string })[];
}

export interface ReplannedOccurrence {
  /** e.g. 'volunteering' */
  context: string;
  shiftId: string;
  seriesId: string;
  title: string;
  startsAt: Date;
  /** The holiday (or make-up workday) that caused it. */
  holidayName?: string;
  /** People confirmed or waiting on it, who were told. */
  people: number;
}

/** Local dates, inclusive: the days whose status changed. */
export interface HolidayChange {
  from: string;
  to: string;
}

/** A context that plans by the holiday calendar and re-plans when it changes. */
export interface HolidayChangeHandler {
  afterHolidaysChanged(communityId: string, change: HolidayChange): Promise<HolidayReplanReport>;
}

export const emptyReplanReport = (): HolidayReplanReport => ({
  cancelled: [],
  moved: [],
  added: [],
  refused: [],
});

export function mergeReplanReports(reports: HolidayReplanReport[]): HolidayReplanReport {
  const merged = emptyReplanReport();
  for (const report of reports) {
    merged.cancelled.push(...report.cancelled);
    merged.moved.push(...report.moved);
    merged.added.push(...report.added);
    merged.refused.push(...report.refused);
  }
  return merged;
}
