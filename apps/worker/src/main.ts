import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import {
  closeWithin,
  loadConfig,
  openDatabase,
  prepareDatabase,
  stopCleanlyOnSignals,
} from '@linli/platform';
import { application } from '../../../config/contexts';
import { WorkerModule } from './worker.module';

/** `npm run start:worker`: the worker alone (for running many of them against one PostgreSQL). */
const lifecycle = stopCleanlyOnSignals(); // first: a signal at any point stops what has started

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await lifecycle.step(
    () => openDatabase(config, undefined, { callerHandlesSignals: true }),
    (db) => db.stop(),
  );
  const app = await lifecycle.step(
    () =>
      NestFactory.createApplicationContext(WorkerModule.forRoot({ config, databaseUrl: database.url }), {
        bufferLogs: true,
      }),
    // Ticks stop; a tick stuck on the database does not hold the process past the deadline.
    (created) => closeWithin(created, config.shutdownGraceSeconds * 1_000),
  );
  app.useLogger(app.get(Logger));
  await prepareDatabase(
    app,
    config,
    application.demoSeeds.map((seed) => () => app.get(seed).execute()),
    lifecycle,
  );
  await lifecycle.step(() => app.init());
  lifecycle.started();
  app.get(Logger).log('Linli worker running');
}

main().catch((error) => lifecycle.fail(error));
