import { Module } from '@nestjs/common';
import { VolunteeringModule } from '../volunteering.module';
import { CheckInController } from './check-in.controller';
import { HoursController } from './hours.controller';
import { ClaimsController } from './claims.controller';
import { ShiftsController } from './shifts.controller';
import { RotaController } from './rota.controller';
import { ShiftSeriesController } from './shift-series.controller';

@Module({
  imports: [VolunteeringModule],
  controllers: [
    // Before ShiftsController: its `shifts/:id` would otherwise take `shifts/open`.
    RotaController,
    ShiftsController,
    ClaimsController,
    CheckInController,
    HoursController,
    ShiftSeriesController,
  ],
})
export class VolunteeringApiModule {}
