import { DynamicModule, Module, Type } from '@nestjs/common';
import { PlatformModule, PlatformOptions } from '@linli/platform';
import { IdentityApiModule } from '@linli/identity';
import { HolidaysApiModule } from '@linli/holidays';
import { VolunteeringApiModule } from '@linli/volunteering';
import { CalendarApiModule } from '@linli/calendar';
import { DispatchApiModule } from '@linli/reminders';
import { RemindersApiModule } from '@linli/reminders';
import { ShiftCalendarSource, VolunteeringModule } from '@linli/volunteering';
import { WorkerTasksModule } from '../../worker/src/worker.module';

/** The HTTP process: every context's API module; with `withWorker`, the worker's ticks too (`npm start`). */
@Module({})
export class ApiModule {
  static forRoot(
    options: Omit<PlatformOptions, 'http'> & { withWorker: boolean; extraModules?: Type[] },
  ): DynamicModule {
    const { withWorker, extraModules = [], ...platform } = options;
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot({ ...platform, http: true }),
        IdentityApiModule,
        HolidaysApiModule,
        VolunteeringApiModule,
        // Feed subscriptions and /cal feeds; sources register here (or with @CalendarSourceProvider()).
        CalendarApiModule.register({ imports: [VolunteeringModule], sources: [ShiftCalendarSource] }),
        // Organisers: /api/v1/outbox (due, sent, failed, retry) and /api/v1/dev/mailbox (no SMTP_URL).
        DispatchApiModule,
        RemindersApiModule,
        ...(withWorker ? [WorkerTasksModule] : []),
        ...extraModules,
      ],
    };
  }
}
