export { volunteeringEntities } from './infra/volunteering.entities';
export { VolunteeringModule } from './volunteering.module';
export { VolunteeringApiModule } from './api/volunteering-api.module';
/** The public application service other contexts use to staff their records with shifts. */
export { ShiftsService, type ShiftDetails, type ShiftOrigin } from './application/shifts/shifts.service';
export { ReservationsUseCase } from './application/reservations/reservations.use-case';
export { ReservationReleaseTick } from './application/reservations/reservation-release.tick';
/** Hours: the worker tick that completes check-ins nobody checked out of. */
export { AttendanceCloseTick } from './application/attendance/attendance-close.tick';
export { AttendanceUseCase } from './application/attendance/attendance.use-case';
/** Demo data: a fortnight of Chengnan's shifts, claims and one reservation (after identity's seed). */
export { SeedVolunteeringDemoUseCase } from './application/demo/seed-volunteering-demo.use-case';
/** Shift series: the service other contexts use for repeating shifts, and the worker tick that materialises them. */
export { ShiftSeriesService, type ShiftSeriesInput } from './application/series/shift-series.service';
export { SeriesMaterialiseTick } from './application/series/series-materialise.tick';
/** The claim transaction itself, for the claims benchmark's same-transaction baseline. */
export {
  claimTransaction,
  claimTransactionOptions,
  type ClaimInput,
} from './application/claims/claim-shift.use-case';
/** Shifts in calendar feeds (calendar's CalendarSource port) and in invites by email (its InvitePlanner port). */
export { ShiftCalendarSource } from './infra/shift-calendar-source';
export { ShiftInvitePlanner } from './application/shifts/shift-invite-planner';
export { shiftCalendarUid } from './domain/shift-calendar-entry';
export { volunteeringContext } from './volunteering.context';
/**
 * The published read contract. Events: each type with the zod schema of its payload (consumers
 * parse with `pickEvents(VOLUNTEERING_EVENTS, [...])`). Data that must be joined in one statement:
 * the views volunteering_shift_v1, volunteering_claim_v1 and volunteering_reservation_v1
 * (infra/migrations), never the tables.
 */
export {
  VOLUNTEERING_EVENTS,
  VOLUNTEERING_EVENT_TYPES,
  type VolunteeringEvents,
  type VolunteeringEventType,
  type VolunteeringEventPayload,
} from './domain/volunteering-events';
export { VOLUNTEERING_ERRORS, type VolunteeringErrorCode } from './domain/volunteering-errors';
