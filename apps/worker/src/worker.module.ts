import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { PlatformModule, PlatformOptions, ThrottleBucketCleanup } from '@linli/platform';
import { IdentityModule } from '@linli/identity';

/** Background work: scheduler ticks only (due work lives in tables, claimed with SKIP LOCKED). No controllers. */
@Module({})
export class WorkerModule {
  static forRoot(options: Omit<PlatformOptions, 'http'>): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot({ ...options, http: false }),
        ScheduleModule.forRoot(),
        IdentityModule,
      ],
      providers: [ThrottleBucketCleanup],
    };
  }
}

/** The worker's ticks without its own platform, for running inside the API process (`npm start`). */
@Module({ imports: [ScheduleModule.forRoot()], providers: [ThrottleBucketCleanup] })
export class WorkerTasksModule {}
