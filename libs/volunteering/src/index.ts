export { volunteeringEntities } from './infra/volunteering.entities';
export { VolunteeringModule } from './volunteering.module';
export { VolunteeringApiModule } from './api/volunteering-api.module';
/** The public application service other contexts use to staff their records with shifts. */
export { ShiftsService, type ShiftDetails, type ShiftOrigin } from './application/shifts.service';
export { ReservationsUseCase } from './application/reservations.use-case';
export { ReservationReleaseTick } from './application/reservation-release.tick';
/** Hours: the worker tick that completes check-ins nobody checked out of. */
export { AttendanceCloseTick } from './application/attendance-close.tick';
export { AttendanceUseCase } from './application/attendance.use-case';
/** Demo data: a fortnight of Chengnan's shifts, claims and one reservation (after identity's seed). */
export { SeedVolunteeringDemoUseCase } from './application/seed-volunteering-demo.use-case';
/** Shift series: the service other contexts use for repeating shifts, and the worker tick that materialises them. */
export { ShiftSeriesService, type ShiftSeriesInput } from './application/shift-series.service';
export { SeriesMaterialiseTick } from './application/series-materialise.tick';
/** The claim transaction itself, for the claims benchmark's same-transaction baseline. */
export { claimTransaction, claimFirstStatements, type ClaimInput } from './application/claim-shift.use-case';
/** Shifts in calendar feeds (calendar's CalendarSource port) and in invites by email (its InvitePlanner port). */
export { ShiftCalendarSource } from './infra/shift-calendar-source';
export { ShiftInvitePlanner } from './application/shift-invite-planner';
export { shiftCalendarUid } from './domain/shift-calendar-entry';
