/**
 * Generates the next migration from the difference between the entities and the committed
 * migrations, on a scratch database, into the owning context's folder, and registers it in that
 * folder's index.ts. Usage: npm run db:migration:create -- <context> <name>
 * (`platform` for the shared tables; hand-written SQL such as views goes into the generated file).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { Client } from 'pg';
import { loadConfig, openDatabase, ormOptions } from '@linli/platform';
import { allEntities, allMigrations } from '../config/contexts';

/** Where a context keeps its migrations. */
function migrationsDir(context: string): string {
  if (!/^[a-z-]+$/.test(context)) throw new Error('usage: npm run db:migration:create -- <context> <name>');
  return context === 'platform'
    ? 'libs/platform/src/database/migrations'
    : `libs/${context}/src/infra/migrations`;
}

async function main(): Promise<void> {
  const MIGRATIONS_DIR = migrationsDir(process.argv[2] ?? '');
  const name = process.argv[3]?.replace(/[^A-Za-z0-9_]/g, '_');
  const database = await openDatabase(loadConfig());
  const scratch = new URL(database.url);
  const scratchName = `linli_migration_scratch_${process.pid}`;
  const admin = new Client({ connectionString: database.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratchName}`);
  scratch.pathname = `/${scratchName}`;
  try {
    const orm = await MikroORM.init(
      ormOptions({ url: scratch.toString(), entities: allEntities, migrations: allMigrations }),
    );
    await orm.getMigrator().up();
    const result = await orm.getMigrator().createMigration(MIGRATIONS_DIR, false, false, name);
    await orm.close();
    if (!result.fileName) {
      console.log('No changes: entities and migrations agree.');
      return;
    }
    registerMigration(MIGRATIONS_DIR, result.fileName);
    console.log(
      `Created ${MIGRATIONS_DIR}/${result.fileName}; review it (and its down()) before committing.`,
    );
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${scratchName} WITH (FORCE)`);
    await admin.end();
    await database.stop();
  }
}

function registerMigration(dir: string, fileName: string): void {
  const className = fileName.replace(/\.ts$/, '');
  const index = join(dir, 'index.ts');
  let source = readFileSync(index, 'utf8');
  source = source.replace(/(import type[^\n]*\n)/, `$1import { ${className} } from './${className}';\n`);
  source = source.replace(/\];\s*$/, `  { name: '${className}', class: ${className} },\n];\n`);
  writeFileSync(index, source);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
