import { createHash, randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import { Client } from 'pg';
import { ormOptions } from '@linli/platform';
import { allEntities, allMigrations } from '../../config/contexts';

/** Any fixed number: serialises template creation across jest workers. */
const TEMPLATE_LOCK = 41_002;

function adminUrl(): string {
  const url = process.env.LINLI_TEST_ADMIN_URL;
  if (!url)
    throw new Error('LINLI_TEST_ADMIN_URL is not set: run tests through `npm test` (jest global setup)');
  return url;
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The template's name changes whenever the migration list does, so a stale template is never used. */
function templateName(): string {
  const digest = createHash('sha1')
    .update(allMigrations.map((m) => m.name).join(','))
    .digest('hex')
    .slice(0, 12);
  return `linli_template_${digest}`;
}

async function ensureTemplate(): Promise<string> {
  const template = templateName();
  await withAdmin(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (exists.rowCount) return;
      const building = `${template}_building`;
      await client.query(`DROP DATABASE IF EXISTS ${building}`);
      await client.query(`CREATE DATABASE ${building}`);
      const orm = await MikroORM.init(
        ormOptions({
          url: databaseUrl(building),
          entities: allEntities,
          migrations: allMigrations,
          poolMax: 2,
        }),
      );
      await orm.getMigrator().up();
      await orm.close(true);
      await client.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
  return template;
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh database with every migration applied, for one test file. */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  const template = migrated ? await ensureTemplate() : 'template0';
  const name = `linli_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    name,
    url: databaseUrl(name),
    drop: () =>
      withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
