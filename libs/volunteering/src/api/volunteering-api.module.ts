import { Module } from '@nestjs/common';
import { VolunteeringModule } from '../volunteering.module';
import { ClaimsController } from './claims.controller';
import { ShiftsController } from './shifts.controller';

@Module({ imports: [VolunteeringModule], controllers: [ShiftsController, ClaimsController] })
export class VolunteeringApiModule {}
