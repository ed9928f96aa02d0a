import { Module } from '@nestjs/common';
import { CancelClaimUseCase } from './application/cancel-claim.use-case';
import { ClaimShiftUseCase } from './application/claim-shift.use-case';
import { ClaimsQueryService } from './application/claims-query.service';
import { ReservationsUseCase } from './application/reservations.use-case';
import { ShiftsService } from './application/shifts.service';

const services = [
  CancelClaimUseCase,
  ClaimShiftUseCase,
  ClaimsQueryService,
  ReservationsUseCase,
  ShiftsService,
];

/** Shifts, series, claims, organisation reservations and hours. Exports application services only. */
@Module({ providers: services, exports: services })
export class VolunteeringModule {}
