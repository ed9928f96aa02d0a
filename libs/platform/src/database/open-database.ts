import { Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR. `callerHandlesSignals`:
 * the process stops PostgreSQL itself on SIGINT/SIGTERM (see stopCleanlyOnSignals), so the embedded
 * library's own signal hooks, which exit with 130/143 while the app is still closing, are removed.
 */
export async function openDatabase(
  config: AppConfig,
  log?: (line: string) => void,
  options: { callerHandlesSignals?: boolean } = {},
): Promise<EmbeddedDatabase> {
  if (config.database.url) return { url: config.database.url, stop: async () => undefined };
  const logger = new Logger('Database');
  logger.log(`Starting embedded PostgreSQL in ${config.dataDir}`);
  const database = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.database.embeddedPort,
    database: 'linli',
    log,
    callerHandlesSignals: options.callerHandlesSignals,
  });
  logger.log('Embedded PostgreSQL ready');
  return database;
}
