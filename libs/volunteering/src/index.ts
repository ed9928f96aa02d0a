export { volunteeringEntities } from './infra/volunteering.entities';
export { VolunteeringModule } from './volunteering.module';
export { VolunteeringApiModule } from './api/volunteering-api.module';
/** The public application service other contexts use to staff their records with shifts. */
export { ShiftsService, type ShiftDetails, type ShiftOrigin } from './application/shifts.service';
export { ReservationsUseCase } from './application/reservations.use-case';
export { ReservationReleaseTick } from './application/reservation-release.tick';
