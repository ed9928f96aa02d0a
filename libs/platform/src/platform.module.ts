import { DynamicModule, Global, Injectable, Module, OnApplicationShutdown, Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { MikroORM, type MigrationObject } from '@mikro-orm/core';
import { AppConfig } from './config/app-config';
import { APP_CONFIG, ConfigModule } from './config/config.module';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { EntityClass, ormOptions } from './database/orm-options';
import { LoggingModule } from './logging/logging.module';
import { Clock, SystemClock } from './clock/clock';
import { TokenService } from './auth/token.service';
import { SessionCheck } from './auth/session-check';
import { AuthGuard } from './auth/auth.guard';
import { ProblemDetailsFilter } from './errors';
import { ZodValidationPipe } from './http/zod-validation.pipe';
import { HealthModule } from './health/health.module';
import { PostgresThrottlerStorage } from './throttling/postgres-throttler.storage';
import { loginThrottlerOptions } from './throttling/login-throttle';
import { ThrottleBucket } from './throttling/throttle-bucket.entity';
import { OutboxEvent } from './events/outbox-event.entity';
import { IdempotencyRecord } from './idempotency/idempotency-record.entity';
import { IdempotencyInterceptor } from './idempotency/idempotent.interceptor';
import { SqlDatabase } from './database/sql-database';
import { ParkedEvent } from './events/parked-event.entity';
import { EventCursor } from './events/event-cursor.entity';
import { MailOutbox } from './mail/mail-outbox.entity';
import { Metrics } from './metrics/metrics';
import { MetricsServer } from './metrics/metrics-server';

/**
 * Tables the platform itself owns and every context may use: throttling, domain events and their
 * consumers' cursors and parked events, idempotency records, the mail outbox.
 */
export const platformEntities: EntityClass[] = [
  ThrottleBucket,
  OutboxEvent,
  IdempotencyRecord,
  EventCursor,
  ParkedEvent,
  MailOutbox,
];

export interface PlatformOptions {
  config: AppConfig;
  databaseUrl: string;
  /** Every context's entities and migrations; the composition lives in config/contexts.ts. */
  entities: EntityClass[];
  migrations: MigrationObject[];
  /** true for processes that serve HTTP: adds auth, validation, problem+json and health. */
  http: boolean;
  clock?: Clock;
}

/** Config, logging, database, clock, and (for HTTP processes) auth, validation, errors and throttling. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: Clock, useValue: options.clock ?? new SystemClock() },
      TokenService,
      SessionCheck,
      IdempotencyInterceptor,
      // Units of work written wholly in SQL; its pool closes with the application.
      {
        provide: SqlDatabase,
        useFactory: () => new SqlDatabase(options.databaseUrl, options.config.database.poolMax),
      },
      { provide: SqlDatabaseCloser, useClass: SqlDatabaseCloser },
      // Prometheus metrics, served on METRICS_PORT (API and worker alike) when it is set.
      Metrics,
      MetricsServer,
    ];
    const imports = [
      ConfigModule.forRoot(options.config),
      LoggingModule.forRoot(options.config.logLevel),
      // Global: EntityManager and MikroORM are injectable everywhere; the request context forks per request.
      MikroOrmModule.forRoot({
        ...ormOptions({
          url: options.databaseUrl,
          entities: options.entities,
          migrations: options.migrations,
          poolMax: options.config.database.poolMax,
        }),
        registerRequestContext: true,
      }),
    ];
    if (options.http) {
      providers.push(
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
      );
    }
    return {
      module: PlatformModule,
      imports: [
        ...imports,
        ThrottlerModule.forRootAsync({
          inject: [APP_CONFIG, MikroORM],
          useFactory: (config: AppConfig, orm: MikroORM) =>
            loginThrottlerOptions(config, new PostgresThrottlerStorage(orm)),
        }),
        ...(options.http
          ? [
              HealthModule.forRoot({
                databaseUrl: options.databaseUrl,
                migrationNames: options.migrations.map((migration) => migration.name),
              }),
            ]
          : []),
      ],
      providers,
      exports: [
        ConfigModule,
        ThrottlerModule,
        Clock,
        TokenService,
        SessionCheck,
        IdempotencyInterceptor,
        SqlDatabase,
        Metrics,
        MetricsServer,
      ],
    };
  }
}

@Injectable()
class SqlDatabaseCloser implements OnApplicationShutdown {
  constructor(private readonly db: SqlDatabase) {}

  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}
