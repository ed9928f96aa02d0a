import type { AddressInfo } from 'node:net';
import { Logger } from 'nestjs-pino';
import {
  GracefulShutdown,
  loadConfig,
  openDatabase,
  prepareDatabase,
  stopCleanlyOnSignals,
} from '@linli/platform';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@linli/identity';
import { application } from '../../../config/contexts';
import { createApi } from './create-api';
import { builtWebAppDirectory } from './web-app';

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
  // On a signal, newest first: stop serving (readiness 503, drain HTTP), close the app (ticks,
  // pools), stop the embedded PostgreSQL; all by one deadline, SHUTDOWN_GRACE_SECONDS.
  const { app, shutdown } = await lifecycle.step(
    async () => {
      const created = await createApi({
        config,
        databaseUrl: database.url,
        withWorker: process.argv.includes('--with-worker'),
        webApp: builtWebAppDirectory(),
      });
      return { app: created, shutdown: new GracefulShutdown(created, config.shutdownGraceSeconds) };
    },
    (created) => created.shutdown.closeApp(),
  );
  await prepareDatabase(
    app,
    config,
    application.demoSeeds.map((seed) => () => app.get(seed).execute()),
    lifecycle,
  );
  await lifecycle.step(
    () => app.listen(config.http.port, config.http.host),
    () => shutdown.stopServing(),
  );
  lifecycle.started();
  const { port } = app.getHttpServer().address() as AddressInfo; // PORT=0: the one the OS chose
  const base = `http://${config.http.host}:${port}`;
  const logger = app.get(Logger);
  logger.log(`Linli API on ${base}  ·  Swagger UI ${base}/api/docs`);
  if (!builtWebAppDirectory()) logger.warn('The web app is not built (npm run build:web): / answers 404');
  if (config.seedDemo) {
    logger.log(
      `Demo logins (password ${DEMO_PASSWORD}): ${Object.values(DEMO_LOGINS)
        .map((l) => l.email)
        .join(', ')}`,
    );
  }
}

main().catch((error) => lifecycle.fail(error));
