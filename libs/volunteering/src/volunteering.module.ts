import { Module } from '@nestjs/common';
import { HolidaysModule } from '@linli/holidays';
import { AttendanceUseCase } from './application/attendance.use-case';
import { CheckInUseCase } from './application/check-in.use-case';
import { HoursAdjustmentsService } from './application/hours-adjustments.service';
import { HoursReportService } from './application/hours-report.service';
import { CancelClaimUseCase } from './application/cancel-claim.use-case';
import { ClaimShiftUseCase } from './application/claim-shift.use-case';
import { ClaimsQueryService } from './application/claims-query.service';
import { ReservationsUseCase } from './application/reservations.use-case';
import { ShiftsService } from './application/shifts.service';
import { RotaQueryService } from './application/rota-query.service';
import { OpenShiftsQueryService } from './application/open-shifts-query.service';
import { BulkCancelShiftsUseCase } from './application/bulk-cancel-shifts.use-case';
import { BulkPostponeShiftsUseCase } from './application/bulk-postpone-shifts.use-case';
import { SeedVolunteeringDemoUseCase } from './application/seed-volunteering-demo.use-case';
import { ShiftSeriesService } from './application/shift-series.service';
import { EditShiftSeriesUseCase } from './application/edit-shift-series.use-case';
import { EditSeriesOccurrenceUseCase } from './application/edit-series-occurrence.use-case';
import { ShiftInvitePlanner } from './application/shift-invite-planner';
import { ShiftCalendarSource } from './infra/shift-calendar-source';

const services = [
  AttendanceUseCase,
  CheckInUseCase,
  HoursAdjustmentsService,
  HoursReportService,
  CancelClaimUseCase,
  ClaimShiftUseCase,
  ClaimsQueryService,
  ReservationsUseCase,
  ShiftsService,
  RotaQueryService,
  OpenShiftsQueryService,
  BulkCancelShiftsUseCase,
  BulkPostponeShiftsUseCase,
  SeedVolunteeringDemoUseCase,
  ShiftSeriesService,
  EditShiftSeriesUseCase,
  EditSeriesOccurrenceUseCase,
  ShiftCalendarSource,
  ShiftInvitePlanner,
];

/** Shifts, series, claims, organisation reservations and hours. Exports application services only. */
// Shift series read the community's holiday calendar (HolidayCalendarService).
@Module({ imports: [HolidaysModule], providers: services, exports: services })
export class VolunteeringModule {}
