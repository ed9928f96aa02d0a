import { DynamicModule, Module, Type } from '@nestjs/common';
import { PlatformModule, PlatformOptions } from '@linli/platform';
import { application } from '../../../config/contexts';
import { WorkerTasksModule } from '../../worker/src/worker.module';

/** The HTTP process: every context's `api` module; with `withWorker`, the worker's ticks too (`npm start`). */
@Module({})
export class ApiModule {
  static forRoot(
    options: Omit<PlatformOptions, 'http' | 'entities' | 'migrations'> & {
      withWorker: boolean;
      extraModules?: Type[];
    },
  ): DynamicModule {
    const { withWorker, extraModules = [], ...platform } = options;
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot({
          ...platform,
          entities: application.entities,
          migrations: application.migrations,
          http: true,
        }),
        ...application.apiModules,
        ...(withWorker ? [WorkerTasksModule] : []),
        ...extraModules,
      ],
    };
  }
}
