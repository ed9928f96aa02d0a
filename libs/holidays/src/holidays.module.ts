import { Module } from '@nestjs/common';
import { IdentityModule } from '@linli/identity';
import { HolidayCalendarService } from './application/holiday-calendar.service';
import { ImportHolidayYearUseCase } from './application/import-holiday-year.use-case';
import { RecurrencePreviewService } from './application/recurrence-preview.service';

const services = [HolidayCalendarService, ImportHolidayYearUseCase, RecurrencePreviewService];

/** China's holiday calendar per community and the recurrence preview. No HTTP. */
@Module({ imports: [IdentityModule], providers: services, exports: services })
export class HolidaysModule {}
