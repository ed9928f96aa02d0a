import { RecurrenceError } from '../errors';
import { formatRecurrenceRule, parseRecurrenceRule } from '../rule/recurrence-rule';
import { formatLocal, parseLocalDateTime } from '../time/local-date-time';
import { ZoneRules } from '../time/zone-rules';
import { expandSeries } from '../expand/expand-series';
import type { OccurrenceOverride, SeriesDefinition } from '../expand/occurrence';

/**
 * The three ways organisers edit a repeating thing, as pure transformations of a series:
 * - this one: an override keyed by the occurrence's original start (RECURRENCE-ID);
 * - this and following: the series ends before it and a new series starts from it;
 * - all: the series itself changes; hand-edited occurrences stay as they are.
 */
export function editThisOccurrence(series: SeriesDefinition, change: OccurrenceOverride): SeriesDefinition {
  const recurrenceId = formatLocal(parseLocalDateTime(change.recurrenceId, 'recurrenceId'));
  const others = (series.overrides ?? []).filter(
    (o) => formatLocal(parseLocalDateTime(o.recurrenceId)) !== recurrenceId,
  );
  return { ...series, overrides: [...others, { ...change, recurrenceId }] };
}

export function editAllOccurrences(
  series: SeriesDefinition,
  change: Partial<Omit<SeriesDefinition, 'overrides'>>,
): SeriesDefinition {
  return { ...series, ...change, overrides: series.overrides };
}

/**
 * Splits at an occurrence: `before` (absent when splitting at the first) keeps everything earlier (UNTIL one second before it, or the
 * COUNT already used); `after` starts at that occurrence with the changes, keeping the remaining
 * COUNT, and takes the exceptions from that point on.
 */
export function editThisAndFollowing(
  series: SeriesDefinition,
  recurrenceIdText: string,
  change: Partial<Omit<SeriesDefinition, 'overrides'>> = {},
): { before?: SeriesDefinition; after: SeriesDefinition } {
  if (!series.rrule)
    throw new RecurrenceError(
      'RRULE_INVALID',
      'a series without RRULE has no following occurrences',
      'rrule',
    );
  const rule = parseRecurrenceRule(series.rrule);
  const recurrenceId = parseLocalDateTime(recurrenceIdText, 'recurrenceId');
  const dtstart = parseLocalDateTime(series.dtstart);
  // Splitting at the first occurrence is editing all of them: nothing is left before.
  if (recurrenceId <= dtstart) return { after: editAllOccurrences(series, change) };
  const zone = ZoneRules.for(series.timeZone);
  const splitInstant = zone.resolve(recurrenceId).instant;
  const isBefore = (text: string) => parseLocalDateTime(text) < recurrenceId;

  const beforeRule = { ...rule };
  const afterRule = { ...rule };
  if (rule.count !== undefined) {
    const used = countBefore(series, splitInstant);
    beforeRule.count = used;
    afterRule.count = Math.max(1, rule.count - used);
  } else {
    beforeRule.until = { ms: splitInstant - 1000, utc: true, dateOnly: false };
  }
  const before: SeriesDefinition = {
    ...series,
    rrule: formatRecurrenceRule(beforeRule),
    rdates: series.rdates?.filter(isBefore),
    exdates: series.exdates?.filter(isBefore),
    overrides: series.overrides?.filter((o) => isBefore(o.recurrenceId)),
  };
  const after: SeriesDefinition = {
    ...series,
    dtstart: formatLocal(recurrenceId),
    rrule: formatRecurrenceRule(afterRule),
    rdates: series.rdates?.filter((d) => !isBefore(d)),
    exdates: series.exdates?.filter((d) => !isBefore(d)),
    overrides: series.overrides?.filter((o) => !isBefore(o.recurrenceId)),
    ...change,
  };
  return { before, after };
}

/** How many occurrences the rule itself produced before an instant (COUNT bookkeeping). */
function countBefore(series: SeriesDefinition, instant: number): number {
  const dtstartInstant = ZoneRules.for(series.timeZone).resolve(parseLocalDateTime(series.dtstart)).instant;
  if (instant <= dtstartInstant) return 0;
  const result = expandSeries(
    { dtstart: series.dtstart, timeZone: series.timeZone, rrule: series.rrule },
    { from: dtstartInstant, to: instant, limit: 5000 },
  );
  return result.occurrences.length;
}
