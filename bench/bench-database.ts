import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { loadConfig, openDatabase, ormOptions } from '@linli/platform';
import { allEntities, allMigrations } from '../config/contexts';

export interface BenchDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * The database a benchmark runs on, migrated: BENCH_DATABASE_URL (a server) when set, otherwise an
 * embedded PostgreSQL in a temporary directory that `stop()` removes.
 */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  let dataDir: string | undefined;
  let database: BenchDatabase;
  if (process.env.BENCH_DATABASE_URL) {
    database = { url: process.env.BENCH_DATABASE_URL, stop: async () => undefined };
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'linli-bench-'));
    chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user, which must reach it
    database = await openDatabase(loadConfig({ DATA_DIR: dataDir }));
  }
  const orm = await MikroORM.init(
    ormOptions({ url: database.url, entities: allEntities, migrations: allMigrations, poolMax: 2 }),
  );
  await orm.getMigrator().up();
  await orm.close(true);
  return {
    url: database.url,
    stop: async () => {
      await database.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
