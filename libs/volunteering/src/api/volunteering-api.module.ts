import { Module } from '@nestjs/common';
import { IdentityModule } from '@linli/identity';
import { VolunteeringModule } from '../volunteering.module';
import { CheckInController } from './check-in.controller';
import { HoursController } from './hours.controller';
import { ClaimsController } from './claims.controller';
import { ShiftsController } from './shifts.controller';
import { RotaController } from './rota.controller';
import { ShiftSeriesController } from './shift-series.controller';
import { CommitmentsController } from './commitments.controller';
import { MyShiftsController } from './my-shifts.controller';
import { ReservationsController } from './reservations.controller';

@Module({
  imports: [VolunteeringModule, IdentityModule],
  controllers: [
    // Before ShiftsController: its `shifts/:id` would otherwise take `shifts/open`.
    RotaController,
    ShiftsController,
    ClaimsController,
    CheckInController,
    HoursController,
    ShiftSeriesController,
    CommitmentsController,
    MyShiftsController,
    ReservationsController,
  ],
})
export class VolunteeringApiModule {}
