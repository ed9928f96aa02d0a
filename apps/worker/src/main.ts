import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig, openDatabase, prepareDatabase, stopCleanlyOnSignals } from '@linli/platform';
import { application } from '../../../config/contexts';
import { WorkerModule } from './worker.module';

/** `npm run start:worker`: the worker alone (for running many of them against one PostgreSQL). */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot({ config, databaseUrl: database.url }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  await prepareDatabase(
    app,
    config,
    application.demoSeeds.map((seed) => () => app.get(seed).execute()),
  );
  await app.init();
  stopCleanlyOnSignals(app, database);
  app.get(Logger).log('Linli worker running');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
