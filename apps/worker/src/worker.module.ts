import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { PlatformModule, PlatformOptions, ThrottleBucketCleanup } from '@linli/platform';
import { application } from '../../../config/contexts';

/**
 * The worker's ticks, every context's `worker` module. @nestjs/schedule is only the ticker: due
 * work lives in tables and is claimed with SKIP LOCKED, so any number of workers can run.
 * `npm start` runs these inside the API process; `npm run start:worker` runs them alone.
 */
@Module({
  imports: [ScheduleModule.forRoot(), ...application.workerModules],
  providers: [ThrottleBucketCleanup],
})
export class WorkerTasksModule {}

/** The worker process: platform without HTTP, plus the ticks. No controllers. */
@Module({})
export class WorkerModule {
  static forRoot(options: Omit<PlatformOptions, 'http' | 'entities' | 'migrations'>): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot({
          ...options,
          entities: application.entities,
          migrations: application.migrations,
          http: false,
        }),
        WorkerTasksModule,
      ],
    };
  }
}
