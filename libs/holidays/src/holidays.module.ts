import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { IdentityModule } from '@linli/identity';
import { HolidayCalendarService } from './application/holiday-calendar.service';
import { HolidayChangeHandlers } from './application/holiday-change-handlers';
import { ImportHolidayYearUseCase } from './application/import-holiday-year.use-case';
import { RecurrencePreviewService } from './application/recurrence-preview.service';

const services = [
  HolidayCalendarService,
  ImportHolidayYearUseCase,
  RecurrencePreviewService,
  HolidayChangeHandlers,
];

/** China's holiday calendar per community and the recurrence preview. No HTTP. */
@Module({ imports: [DiscoveryModule, IdentityModule], providers: services, exports: services })
export class HolidaysModule {}
