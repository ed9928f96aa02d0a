import { Logger } from 'nestjs-pino';
import { loadConfig, openDatabase, prepareDatabase, stopCleanlyOnSignals } from '@linli/platform';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@linli/identity';
import { application } from '../../../config/contexts';
import { createApi } from './create-api';

/**
 * `npm start` (with --with-worker): API and worker ticks in one process, on the embedded
 * PostgreSQL unless DATABASE_URL is set. `npm run start:api`: the API alone.
 */
const lifecycle = stopCleanlyOnSignals(); // first: a signal at any point stops what has started

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await lifecycle.step(
    () => openDatabase(config, undefined, { callerHandlesSignals: true }),
    (db) => db.stop(),
  );
  const app = await lifecycle.step(
    () =>
      createApi({
        config,
        databaseUrl: database.url,
        withWorker: process.argv.includes('--with-worker'),
      }),
    (created) => created.close(),
  );
  await prepareDatabase(
    app,
    config,
    application.demoSeeds.map((seed) => () => app.get(seed).execute()),
    lifecycle,
  );
  await lifecycle.step(() => app.listen(config.http.port, config.http.host));
  lifecycle.started();
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

main().catch((error) => lifecycle.fail(error));
