import type { z } from 'zod';
import { eventPayload, type Sql } from '@linli/platform';
import {
  VOLUNTEERING_EVENTS,
  type VolunteeringEvents,
  type VolunteeringEventType,
} from '@linli/volunteering';

/** A shift as its events describe it (what volunteering's SHIFT_FACTS carry) plus its version. */
export interface EventShift {
  id: string;
  communityId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone?: string;
  locationText?: string | null;
  status?: 'open' | 'cancelled';
  /** The shift's version after the change; 1 unless given. */
  version?: number;
}

type ShiftFactFields = 'shiftId' | 'title' | 'startsAt' | 'endsAt' | 'timeZone' | 'locationText' | 'status';
/** What an event of `K` carries beyond the shift's facts (claimId and personId for claim events...). */
export type EventExtras<K extends VolunteeringEventType> = Omit<
  z.input<VolunteeringEvents[K]>,
  ShiftFactFields
>;

/** An outbox_event row to record, as volunteering would write it. */
export interface TestOutboxEvent {
  communityId: string;
  type: string;
  aggregateId: string;
  version: number;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

/**
 * A volunteering event about `shift`, its payload built through volunteering's own schema (so a
 * test cannot write a payload the publisher would not).
 */
export function volunteeringEvent<K extends VolunteeringEventType>(
  type: K,
  shift: EventShift,
  extras: EventExtras<K>,
  occurredAt: Date,
): TestOutboxEvent {
  const payload = eventPayload(VOLUNTEERING_EVENTS, type, {
    shiftId: shift.id,
    title: shift.title,
    startsAt: shift.startsAt.toISOString(),
    endsAt: shift.endsAt.toISOString(),
    timeZone: shift.timeZone ?? 'Asia/Shanghai',
    locationText: shift.locationText ?? null,
    status: shift.status ?? 'open',
    ...extras,
  } as z.input<VolunteeringEvents[K]>);
  return {
    communityId: shift.communityId,
    type,
    aggregateId: shift.id,
    version: shift.version ?? 1,
    payload,
    occurredAt,
  };
}

/** Records events in outbox_event (platform's shared table) in order; answers their ids. */
export async function recordOutboxEvents(sql: Sql, events: readonly TestOutboxEvent[]): Promise<string[]> {
  const ids: string[] = [];
  for (const event of events) {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO outbox_event (community_id, type, aggregate_id, version, payload, occurred_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING id::text AS id`,
      [
        event.communityId,
        event.type,
        event.aggregateId,
        event.version,
        JSON.stringify(event.payload),
        event.occurredAt,
      ],
    );
    ids.push(row.id);
  }
  return ids;
}
