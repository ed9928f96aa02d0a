import { Module } from '@nestjs/common';
import { HolidaysModule } from '@linli/holidays';
import { IdentityModule } from '@linli/identity';
import { AttendanceUseCase } from './application/attendance/attendance.use-case';
import { CheckInUseCase } from './application/attendance/check-in.use-case';
import { HoursAdjustmentsService } from './application/attendance/hours-adjustments.service';
import { HoursReportService } from './application/attendance/hours-report.service';
import { CancelClaimUseCase } from './application/claims/cancel-claim.use-case';
import { ClaimShiftUseCase } from './application/claims/claim-shift.use-case';
import { ClaimsQueryService } from './application/claims/claims-query.service';
import { ReservationsUseCase } from './application/reservations/reservations.use-case';
import { ReservationsQueryService } from './application/reservations/reservations-query.service';
import { ChangeReservationUseCase } from './application/reservations/change-reservation.use-case';
import { MyShiftsQueryService } from './application/claims/my-shifts-query.service';
import { ShiftsService } from './application/shifts/shifts.service';
import { RotaQueryService } from './application/rota/rota-query.service';
import { OpenShiftsQueryService } from './application/rota/open-shifts-query.service';
import { BulkCancelShiftsUseCase } from './application/rota/bulk-cancel-shifts.use-case';
import { BulkPostponeShiftsUseCase } from './application/rota/bulk-postpone-shifts.use-case';
import { SeedVolunteeringDemoUseCase } from './application/demo/seed-volunteering-demo.use-case';
import { ShiftSeriesService } from './application/series/shift-series.service';
import { EditShiftSeriesUseCase } from './application/series/edit-shift-series.use-case';
import { EditSeriesOccurrenceUseCase } from './application/series/edit-series-occurrence.use-case';
import { ReplanSeriesForHolidaysUseCase } from './application/series/replan-series-for-holidays.use-case';
import { SeriesHolidayWarnings } from './application/series/series-holiday-warnings';
import { ShiftInvitePlanner } from './application/shifts/shift-invite-planner';
import { StandingCommitmentsUseCase } from './application/commitments/standing-commitments.use-case';
import { ShiftCalendarSource } from './infra/shift-calendar-source';
import { RotaQueries } from './infra/rota.queries';
import { HoursReportQueries } from './infra/hours-report.queries';
import { HoursAdjustmentQueries } from './infra/hours-adjustment.queries';
import { ShiftInviteQueries } from './infra/shift-invite.queries';
import { MyShiftsQueries } from './infra/my-shifts.queries';
import { ReservationQueries } from './infra/reservation.queries';

const services = [
  AttendanceUseCase,
  CheckInUseCase,
  HoursAdjustmentsService,
  HoursReportService,
  CancelClaimUseCase,
  ClaimShiftUseCase,
  ClaimsQueryService,
  ReservationsUseCase,
  ReservationsQueryService,
  ChangeReservationUseCase,
  MyShiftsQueryService,
  ShiftsService,
  RotaQueryService,
  OpenShiftsQueryService,
  BulkCancelShiftsUseCase,
  BulkPostponeShiftsUseCase,
  SeedVolunteeringDemoUseCase,
  ShiftSeriesService,
  EditShiftSeriesUseCase,
  EditSeriesOccurrenceUseCase,
  ReplanSeriesForHolidaysUseCase,
  SeriesHolidayWarnings,
  ShiftCalendarSource,
  ShiftInvitePlanner,
  StandingCommitmentsUseCase,
];

/** The statements the services above reach the database through (infra/), for this module only. */
const queries = [
  RotaQueries,
  HoursReportQueries,
  HoursAdjustmentQueries,
  ShiftInviteQueries,
  MyShiftsQueries,
  ReservationQueries,
];

/**
 * Shifts, series, claims, organisation reservations and hours. Exports application services only.
 * Shift series read the community's holiday calendar (HolidayCalendarService); people, estates and
 * organisations are read through identity's read port (IdentityDirectory). ShiftCalendarSource
 * and ShiftInvitePlanner are found by the calendar through their decorators.
 */
@Module({
  imports: [HolidaysModule, IdentityModule],
  providers: [...services, ...queries],
  exports: services,
})
export class VolunteeringModule {}
