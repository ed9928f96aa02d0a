/**
 * What a series edit does to the shifts a series already has: a pure plan, decided before anything
 * is written. Occurrences are matched to shifts by their recurrence id (the rule's original local
 * start) first, then by local day in order, so "every weekday at 09:00" becoming "at 10:00" moves
 * each day's shift (and everyone's claim on it) instead of cancelling it and creating another.
 */

const DAY = 24 * 60 * 60_000;

/** A shift of the series as the planner sees it. */
export interface SeriesShift {
  shiftId: string;
  /** The occurrence it stands for: the rule's original local start (local ms, as in @linli/recurrence). */
  recurrenceId: number;
  cancelled: boolean;
  editedByHand: boolean;
  /** Already started: history, never changed by a series edit. */
  started: boolean;
}

export type HoldReason = 'started' | 'cancelled' | 'edited_by_hand';

export interface SeriesEditPlan<O extends { recurrenceId: number }> {
  /** Shifts that take the new pattern in place (their claims move with them). */
  update: { shiftId: string; occurrence: O }[];
  /** Shifts left as they are; with an occurrence, they now stand for it (so it is not created twice). */
  hold: { shiftId: string; occurrence?: O; reason: HoldReason }[];
  /** Shifts whose occurrence no longer exists. */
  cancel: { shiftId: string }[];
  /** Occurrences no shift stands for yet. */
  create: O[];
}

const localDay = (recurrenceId: number) => Math.floor(recurrenceId / DAY);

function holdReason(shift: SeriesShift, includeEditedByHand: boolean): HoldReason | undefined {
  if (shift.started) return 'started';
  if (shift.cancelled) return 'cancelled';
  if (shift.editedByHand && !includeEditedByHand) return 'edited_by_hand';
  return undefined;
}

export function planSeriesEdit<O extends { recurrenceId: number }>(
  shifts: readonly SeriesShift[],
  occurrences: readonly O[],
  options: { includeEditedByHand: boolean },
): SeriesEditPlan<O> {
  const pairs: [SeriesShift, O][] = [];
  const byId = new Map<number, O>();
  for (const occurrence of occurrences) byId.set(occurrence.recurrenceId, occurrence);

  // Same original start: the same occurrence.
  const usedOccurrences = new Set<O>();
  const unpairedShifts: SeriesShift[] = [];
  for (const shift of [...shifts].sort((a, b) => a.recurrenceId - b.recurrenceId)) {
    const same = byId.get(shift.recurrenceId);
    if (same && !usedOccurrences.has(same)) {
      usedOccurrences.add(same);
      pairs.push([shift, same]);
    } else unpairedShifts.push(shift);
  }

  // Same local day: the occurrence moved within its day (a new start time); pair them in order.
  const freeByDay = new Map<number, O[]>();
  for (const occurrence of [...occurrences].sort((a, b) => a.recurrenceId - b.recurrenceId)) {
    if (usedOccurrences.has(occurrence)) continue;
    const day = localDay(occurrence.recurrenceId);
    freeByDay.set(day, [...(freeByDay.get(day) ?? []), occurrence]);
  }
  const plan: SeriesEditPlan<O> = { update: [], hold: [], cancel: [], create: [] };
  for (const shift of unpairedShifts) {
    const candidate = freeByDay.get(localDay(shift.recurrenceId))?.shift();
    if (candidate) {
      usedOccurrences.add(candidate);
      pairs.push([shift, candidate]);
      continue;
    }
    const reason = holdReason(shift, options.includeEditedByHand);
    if (reason) plan.hold.push({ shiftId: shift.shiftId, reason });
    else plan.cancel.push({ shiftId: shift.shiftId });
  }

  for (const [shift, occurrence] of pairs) {
    const reason = holdReason(shift, options.includeEditedByHand);
    if (reason) plan.hold.push({ shiftId: shift.shiftId, occurrence, reason });
    else plan.update.push({ shiftId: shift.shiftId, occurrence });
  }
  plan.create = occurrences.filter((o) => !usedOccurrences.has(o));
  plan.update.sort((a, b) => a.occurrence.recurrenceId - b.occurrence.recurrenceId);
  return plan;
}
