import { z } from 'zod';
import type { EventContracts } from '@linli/platform';

/*
 * volunteering's published events: each type with the zod schema of its payload. Consumers
 * (calendar invites, reminders) parse with these and never read volunteering's tables to act on
 * an event. Every event carries the shift's version (in the outbox row), so a consumer can tell
 * a newer state from an older one whatever order it reads in.
 *
 * Fields are required unless an event genuinely goes without them, so a renamed or dropped field
 * fails the parse (and the contract test) instead of arriving as undefined. Unknown fields are
 * stripped rather than refused: a consumer still running the previous release during a rolling
 * deploy keeps working when a field is added.
 *
 * `satisfies EventContracts` is what platform's `defineEvents()` checks, written so this file
 * stays pure (no runtime import of the platform).
 */

const id = z.guid();
const instant = z.iso.datetime({ offset: true });

/** What every shift event says about the shift, as it is after the change. */
export const SHIFT_FACTS = z.object({
  shiftId: id,
  title: z.string(),
  startsAt: instant,
  endsAt: instant,
  timeZone: z.string().min(1),
  locationText: z.string().nullable(),
  status: z.enum(['open', 'cancelled']),
});

/** A claim's events name the claim and its person. */
const CLAIM_FACTS = SHIFT_FACTS.extend({ claimId: id, personId: id });

export const VOLUNTEERING_EVENTS = {
  ShiftScheduled: SHIFT_FACTS,
  /** Moved (new times), relocated (new place) or retitled; everyone on it is named. */
  ShiftChanged: SHIFT_FACTS.extend({
    moved: z.boolean(),
    relocated: z.boolean(),
    affectedPersonIds: z.array(id),
    /** Bulk postponement only: why, by how much, and the times it had before. */
    reason: z.string().optional(),
    postponedByMinutes: z.number().int().positive().optional(),
    previousStartsAt: instant.optional(),
    previousEndsAt: instant.optional(),
  }),
  ShiftCancelled: SHIFT_FACTS.extend({ reason: z.string(), affectedPersonIds: z.array(id) }),
  /** A place taken: by the person, an organiser, or on an organisation's reservation (reservationId). */
  ClaimConfirmed: CLAIM_FACTS.extend({ reservationId: id.optional() }),
  ClaimWaitlisted: CLAIM_FACTS.extend({ reservationId: id.optional() }),
  /**
   * A place given up: by the person, an organiser, or by volunteering itself with a `reason`:
   * `overlaps` (a series edit moved the shift onto another of the person's shifts, named by
   * `overlapsShiftId`) or `commitment_ended` (a standing commitment ended, named by `commitmentId`).
   */
  ClaimCancelled: CLAIM_FACTS.extend({
    reason: z.string().optional(),
    overlapsShiftId: id.optional(),
    commitmentId: id.optional(),
  }),
  WaitlistPromoted: CLAIM_FACTS,
  /** Attended: checked out, confirmed by an organiser, or closed by the worker without a check-out. */
  ClaimCompleted: CLAIM_FACTS.extend({
    creditedMinutes: z.number().int().min(0),
    closedWithoutCheckOut: z.literal(true).optional(),
  }),
  ClaimMarkedNoShow: CLAIM_FACTS.extend({ creditedMinutes: z.literal(0) }),
  /**
   * A standing commitment could not take its place on one occurrence (the person's or the
   * organisation's): the refusal's code and why, for a notice. `personId` for a person's
   * commitment, `organisationId` for an organisation's block.
   */
  CommitmentRefused: SHIFT_FACTS.extend({
    commitmentId: id,
    personId: id.optional(),
    organisationId: id.optional(),
    code: z.string().min(1),
    detail: z.string(),
  }),
  /** An organisation's unassigned places went back to the open pool at its release time. */
  ReservationReleased: SHIFT_FACTS.extend({ reservationId: id, returned: z.number().int().min(0) }),
} satisfies EventContracts;

export type VolunteeringEvents = typeof VOLUNTEERING_EVENTS;
export type VolunteeringEventType = keyof VolunteeringEvents;
export const VOLUNTEERING_EVENT_TYPES = Object.keys(VOLUNTEERING_EVENTS) as VolunteeringEventType[];
/** The payload of one event type, as consumers receive it. */
export type VolunteeringEventPayload<K extends VolunteeringEventType> = z.infer<VolunteeringEvents[K]>;
