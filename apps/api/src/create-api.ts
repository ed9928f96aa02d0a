import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppConfig, Clock, configureHttp } from '@linli/platform';
import { ApiModule } from './api.module';
import { serveWebApp } from './web-app';

/** Builds the API application (not yet listening). Shared by main.ts and the e2e tests. */
export async function createApi(options: {
  config: AppConfig;
  databaseUrl: string;
  withWorker?: boolean;
  clock?: Clock;
  /** Tests add probe modules (e.g. a route that throws). */
  extraModules?: Type[];
  /** A built web app to serve at `/` (apps/web/dist, see web-app.ts); unset: the API alone. */
  webApp?: string;
}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    ApiModule.forRoot({
      config: options.config,
      databaseUrl: options.databaseUrl,
      withWorker: options.withWorker ?? false,
      clock: options.clock,
      extraModules: options.extraModules,
    }),
    { bufferLogs: true, bodyParser: false },
  );
  app.useLogger(app.get(Logger));
  // bufferLogs holds Nest's log calls until listen(); apps that never listen (tests, supertest)
  // would keep every error line in memory and write none of them.
  app.flushLogs();
  app.set('trust proxy', options.config.http.trustProxy);
  app.disable('x-powered-by');
  configureHttp(app, { bodyLimitBytes: options.config.http.bodyLimitBytes });
  if (options.webApp) serveWebApp(app, options.webApp);
  return app;
}
