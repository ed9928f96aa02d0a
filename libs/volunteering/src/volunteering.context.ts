import { Module } from '@nestjs/common';
import type { LinliContext } from '@linli/platform';
import { volunteeringEntities } from './infra/volunteering.entities';
import { volunteeringMigrations } from './infra/migrations';
import { VOLUNTEERING_ERRORS } from './domain/volunteering-errors';
import { VolunteeringApiModule } from './api/volunteering-api.module';
import { VolunteeringModule } from './volunteering.module';
import { ReservationReleaseTick } from './application/reservations/reservation-release.tick';
import { SeriesMaterialiseTick } from './application/series/series-materialise.tick';
import { AttendanceCloseTick } from './application/attendance/attendance-close.tick';
import { StandingCommitmentsTick } from './application/commitments/standing-commitments.tick';
import { SeedVolunteeringDemoUseCase } from './application/demo/seed-volunteering-demo.use-case';

/** The worker's ticks: release unassigned reserved places, materialise series, close attendance, apply standing commitments. */
@Module({
  imports: [VolunteeringModule],
  providers: [ReservationReleaseTick, SeriesMaterialiseTick, AttendanceCloseTick, StandingCommitmentsTick],
  exports: [VolunteeringModule],
})
class VolunteeringWorkerModule {}

/** Shifts, series, claims, organisation reservations and hours. */
export const volunteeringContext: LinliContext = {
  name: 'volunteering',
  entities: volunteeringEntities,
  migrations: volunteeringMigrations,
  errorCodes: VOLUNTEERING_ERRORS,
  api: VolunteeringApiModule,
  worker: VolunteeringWorkerModule,
  demoSeed: SeedVolunteeringDemoUseCase,
};
