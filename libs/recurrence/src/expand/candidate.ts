import type { LocalMs } from '../time/local-date-time';
import type { LunarLabel, OccurrenceFlag } from './occurrence';

/** An occurrence before it is placed in time: where the rule (or RDATE) puts its wall clock. */
export interface Candidate {
  recurrenceId: LocalMs;
  start: LocalMs;
  flags: OccurrenceFlag[];
  lunar?: LunarLabel;
  holidayName?: string;
}

/** The local span the expander must produce candidates for (wider than the window: offsets, moves). */
export interface LocalRange {
  from: LocalMs;
  to: LocalMs;
}
