import { INestApplication, Type } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import request from 'supertest';
import { AppConfig, Clock, loadConfig } from '@linli/platform';
import { createApi } from '../../apps/api/src/create-api';
import { TestDatabase, createTestDatabase } from './test-database';

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';

export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    SEED_DEMO: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: 'postgresql://unused/unused',
    ...overrides,
  });
}

export interface TestApi {
  app: INestApplication;
  http: ReturnType<typeof request>;
  orm: MikroORM;
  /** A fresh entity manager for arranging and inspecting data outside requests. */
  em(): EntityManager;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The real API on its own migrated database, not listening: supertest drives it in-process. */
export async function startTestApi(
  options: {
    config?: Record<string, string>;
    clock?: Clock;
    database?: TestDatabase;
    extraModules?: Type[];
    /** A built web app to serve at `/` (test/browser builds one). */
    webApp?: string;
  } = {},
): Promise<TestApi> {
  const database = options.database ?? (await createTestDatabase());
  const config = testConfig(options.config);
  const app = await createApi({
    config,
    databaseUrl: database.url,
    clock: options.clock,
    extraModules: options.extraModules,
    webApp: options.webApp,
  });
  await app.init();
  const orm = app.get(MikroORM);
  return {
    app,
    http: request(app.getHttpServer()),
    orm,
    em: () => orm.em.fork() as EntityManager,
    database,
    close: async () => {
      await app.close();
      if (!options.database) await database.drop();
    },
  };
}
