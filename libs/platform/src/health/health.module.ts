import {
  DynamicModule,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { HealthController } from './health.controller';
import { ReadinessProbe } from './readiness-probe';
import { ShutdownState } from './shutdown-state';

/** `/health` and `/health/ready` for HTTP processes, with the probe's own database connection. */
@Module({})
export class HealthModule {
  static forRoot(options: { databaseUrl: string; migrationNames: readonly string[] }): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [
        ShutdownState,
        {
          provide: ReadinessProbe,
          useFactory: () => new ReadinessProbe(options.databaseUrl, options.migrationNames),
        },
        ProbeConnection,
      ],
      exports: [ShutdownState],
    };
  }
}

/** Opens the probe's connection at start-up (the first probe should not pay for it) and closes it last. */
@Injectable()
class ProbeConnection implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(ReadinessProbe) private readonly probe: ReadinessProbe) {}

  onApplicationBootstrap(): void {
    void this.probe.check();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.probe.close();
  }
}
