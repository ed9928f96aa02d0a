/**
 * `npm run db:migrate`: applies pending migrations to the database in DATABASE_URL (or the
 * embedded one), then exits. Run it before starting new API/worker versions against a server.
 */
import { MikroORM } from '@mikro-orm/core';
import { applyPendingMigrations, loadConfig, openDatabase, ormOptions } from '@linli/platform';
import { allEntities, allMigrations } from '../config/contexts';

async function main(): Promise<void> {
  const database = await openDatabase(loadConfig());
  const orm = await MikroORM.init(
    ormOptions({ url: database.url, entities: allEntities, migrations: allMigrations, poolMax: 2 }),
  );
  try {
    const applied = await applyPendingMigrations(orm);
    console.log(
      applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply: the database is up to date.',
    );
  } finally {
    await orm.close(true);
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
