import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadConfig, openDatabase } from '@linli/platform';
import { createApi } from '../../api/src/create-api';
import { API_SCHEMA_FILE, apiSchemaSource, openApiDocumentOf } from './api-schema';

/**
 * `npm run generate:api`: builds the API application in this process (it never listens), reads its
 * OpenAPI document and writes the web app's types. Building the application opens a database
 * connection (MikroORM connects on start), so this uses DATABASE_URL when it is set and otherwise
 * a throwaway embedded PostgreSQL in a temporary folder: the project's own data is never touched.
 */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-openapi-'));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user, which must reach it
  const config = loadConfig({
    // eslint-disable-next-line no-restricted-syntax -- a developer tool, like bench/: only DATABASE_URL matters
    DATABASE_URL: process.env.DATABASE_URL,
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    JWT_SECRET: 'openapi-generation-only-secret-0123456789',
  });
  const database = await openDatabase(config);
  try {
    const app = await createApi({ config, databaseUrl: database.url });
    try {
      const source = await apiSchemaSource(await openApiDocumentOf(app));
      writeFileSync(API_SCHEMA_FILE, source);
      console.log(`wrote ${relative(process.cwd(), API_SCHEMA_FILE)} (${source.length} characters)`);
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
