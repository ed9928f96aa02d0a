import { Module } from '@nestjs/common';
import { IdentityModule } from '@linli/identity';
import { HolidaysModule } from '../holidays.module';
import { HolidaysController } from './holidays.controller';
import { RecurrencePreviewController } from './recurrence-preview.controller';

/** The holidays context's HTTP face; apps/api imports it. */
@Module({
  imports: [HolidaysModule, IdentityModule],
  controllers: [HolidaysController, RecurrencePreviewController],
})
export class HolidaysApiModule {}
