import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { PlatformModule, PlatformOptions, ThrottleBucketCleanup } from '@linli/platform';
import { IdentityModule } from '@linli/identity';
import { CalendarInvitesModule } from '@linli/calendar';
import { DispatchWorkerModule } from '@linli/reminders';
import { RemindersModule } from '@linli/reminders';
import {
  AttendanceCloseTick,
  ReservationReleaseTick,
  SeriesMaterialiseTick,
  ShiftInvitePlanner,
  VolunteeringModule,
} from '@linli/volunteering';

/**
 * The worker's ticks. @nestjs/schedule is only the ticker: due work lives in tables and is
 * claimed with SKIP LOCKED, so any number of workers can run. `npm start` runs these inside the
 * API process; `npm run start:worker` runs them alone (WorkerModule).
 */
@Module({
  imports: [
    ScheduleModule.forRoot(),
    VolunteeringModule,
    // Invites by email: shift events become iTIP messages in mail_outbox.
    CalendarInvitesModule.register({ planners: [ShiftInvitePlanner] }),
    // Mail: sends due mail_outbox rows every second (SKIP LOCKED, lease, retry with backoff).
    DispatchWorkerModule,
    // Reminders: shift events become reminders; organisers' digest; coordinators' release notices.
    RemindersModule,
  ],
  providers: [ThrottleBucketCleanup, ReservationReleaseTick, SeriesMaterialiseTick, AttendanceCloseTick],
})
export class WorkerTasksModule {}

/** The worker process: platform without HTTP, plus the ticks. No controllers. */
@Module({})
export class WorkerModule {
  static forRoot(options: Omit<PlatformOptions, 'http'>): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PlatformModule.forRoot({ ...options, http: false }), IdentityModule, WorkerTasksModule],
    };
  }
}
