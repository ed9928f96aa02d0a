import { INestApplicationContext, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { AppConfig } from '../config/app-config';
import { EmbeddedDatabase } from '../database/embedded-postgres';
import { applyPendingMigrations } from '../database/migrate';

/** Applies pending migrations when configured to (the embedded default), then runs the demo seeders. */
export async function prepareDatabase(
  app: INestApplicationContext,
  config: AppConfig,
  seeders: (() => Promise<unknown>)[],
): Promise<void> {
  const logger = new Logger('Database');
  if (config.database.migrateOnStart) {
    const applied = await applyPendingMigrations(app.get(MikroORM));
    if (applied.length) logger.log(`Applied migrations: ${applied.join(', ')}`);
  }
  if (config.seedDemo) {
    for (const seed of seeders) await seed();
  }
}

/** SIGINT/SIGTERM: close Nest (HTTP, ticks, ORM pool), then stop the embedded PostgreSQL, then exit. */
export function stopCleanlyOnSignals(app: INestApplicationContext, database: EmbeddedDatabase): void {
  const logger = new Logger('Shutdown');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received, shutting down`);
    try {
      await app.close();
      await database.stop();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'unclean shutdown');
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
