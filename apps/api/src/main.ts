import { Logger } from 'nestjs-pino';
import { loadConfig, openDatabase, prepareDatabase, stopCleanlyOnSignals } from '@linli/platform';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@linli/identity';
import { application } from '../../../config/contexts';
import { createApi } from './create-api';

/**
 * `npm start` (with --with-worker): API and worker ticks in one process, on the embedded
 * PostgreSQL unless DATABASE_URL is set. `npm run start:api`: the API alone.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  const app = await createApi({
    config,
    databaseUrl: database.url,
    withWorker: process.argv.includes('--with-worker'),
  });
  await prepareDatabase(
    app,
    config,
    application.demoSeeds.map((seed) => () => app.get(seed).execute()),
  );
  stopCleanlyOnSignals(app, database);
  await app.listen(config.http.port, config.http.host);
  const base = `http://${config.http.host}:${config.http.port}`;
  const logger = app.get(Logger);
  logger.log(`Linli API on ${base}  ·  Swagger UI ${base}/api/docs`);
  if (config.seedDemo) {
    logger.log(
      `Demo logins (password ${DEMO_PASSWORD}): ${Object.values(DEMO_LOGINS)
        .map((l) => l.email)
        .join(', ')}`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
