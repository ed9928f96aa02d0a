import type { DomainEvent } from '@linli/platform';
import type { Shift } from '../infra/shift.entity';

export type ShiftEventType =
  | 'ShiftScheduled'
  | 'ShiftChanged'
  | 'ShiftCancelled'
  | 'ClaimConfirmed'
  | 'ClaimWaitlisted'
  | 'ClaimCancelled'
  | 'WaitlistPromoted'
  | 'ClaimCompleted'
  | 'ClaimMarkedNoShow'
  | 'ReservationReleased';

/**
 * Events carry the shift's version, so consumers (calendar invites, reminders) can tell a newer
 * state from an older one whatever order they read in.
 */
export function shiftEvent(
  shift: Shift,
  type: ShiftEventType,
  now: Date,
  extra: Record<string, unknown> = {},
): DomainEvent {
  return {
    communityId: shift.community.id,
    type,
    aggregateId: shift.id,
    version: shift.version,
    occurredAt: now,
    payload: shiftEventPayload(shift, extra),
  };
}

/** What consumers need to act on a shift event without reading volunteering's tables. */
export function shiftEventPayload(
  shift: Pick<Shift, 'id' | 'title' | 'startsAt' | 'endsAt' | 'timeZone' | 'locationText' | 'status'>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    shiftId: shift.id,
    title: shift.title,
    startsAt: shift.startsAt.toISOString(),
    endsAt: shift.endsAt.toISOString(),
    timeZone: shift.timeZone,
    locationText: shift.locationText ?? null,
    status: shift.status,
    ...extra,
  };
}
