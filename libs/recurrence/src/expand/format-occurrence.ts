import { formatLocal, formatOffset } from '../time/local-date-time';
import type { Occurrence, OccurrenceFlag, LunarLabel } from './occurrence';

/** An occurrence as the API and feeds show it: strings, not numbers. */
export interface FormattedOccurrence {
  recurrenceId: string;
  start: { local: string; offset: string; instant: string };
  end: { local: string; offset: string; instant: string };
  flags: OccurrenceFlag[];
  lunar?: LunarLabel;
  holidayName?: string;
}

export function formatOccurrence(occurrence: Occurrence): FormattedOccurrence {
  return {
    recurrenceId: formatLocal(occurrence.recurrenceId),
    start: {
      local: formatLocal(occurrence.start),
      offset: formatOffset(occurrence.startOffset),
      instant: new Date(occurrence.startInstant).toISOString().replace('.000Z', 'Z'),
    },
    end: {
      local: formatLocal(occurrence.end),
      offset: formatOffset(occurrence.endOffset),
      instant: new Date(occurrence.endInstant).toISOString().replace('.000Z', 'Z'),
    },
    flags: occurrence.flags,
    ...(occurrence.lunar ? { lunar: occurrence.lunar } : {}),
    ...(occurrence.holidayName ? { holidayName: occurrence.holidayName } : {}),
  };
}
