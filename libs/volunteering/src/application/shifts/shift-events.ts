import { eventPayload, type DomainEvent } from '@linli/platform';
import type { z } from 'zod';
import {
  VOLUNTEERING_EVENTS,
  type SHIFT_FACTS,
  type VolunteeringEventPayload,
  type VolunteeringEventType,
} from '../../domain/volunteering-events';
import type { Shift } from '../../infra/shift.entity';

type ShiftFacts = z.infer<typeof SHIFT_FACTS>;
/** What an event of `K` says beyond the shift's own facts. */
export type EventExtra<K extends VolunteeringEventType> = Omit<
  z.input<(typeof VOLUNTEERING_EVENTS)[K]>,
  keyof ShiftFacts
>;

type ShiftLike = Pick<Shift, 'id' | 'title' | 'startsAt' | 'endsAt' | 'timeZone' | 'locationText' | 'status'>;

/**
 * An event of `type` about `shift`, its payload checked against volunteering's published schema
 * before it is recorded: a producer cannot write what consumers would refuse. Carries the
 * shift's version, so consumers can tell a newer state from an older one.
 */
export function shiftEvent<K extends VolunteeringEventType>(
  shift: ShiftLike & Pick<Shift, 'community' | 'version'>,
  type: K,
  now: Date,
  ...[extra]: Partial<EventExtra<K>> extends EventExtra<K> ? [extra?: EventExtra<K>] : [extra: EventExtra<K>]
): DomainEvent {
  return {
    communityId: shift.community.id,
    type,
    aggregateId: shift.id,
    version: shift.version,
    occurredAt: now,
    payload: shiftEventPayload(shift, type, (extra ?? {}) as EventExtra<K>),
  };
}

/** The checked payload of an event of `type` about `shift` (for statements that record it in SQL). */
export function shiftEventPayload<K extends VolunteeringEventType>(
  shift: ShiftLike,
  type: K,
  extra: EventExtra<K>,
): VolunteeringEventPayload<K> {
  return eventPayload(VOLUNTEERING_EVENTS, type, {
    shiftId: shift.id,
    title: shift.title,
    startsAt: shift.startsAt.toISOString(),
    endsAt: shift.endsAt.toISOString(),
    timeZone: shift.timeZone,
    locationText: shift.locationText ?? null,
    status: shift.status,
    ...extra,
  } as z.input<(typeof VOLUNTEERING_EVENTS)[K]>);
}
