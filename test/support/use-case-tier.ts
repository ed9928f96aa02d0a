import { Test, type TestingModule } from '@nestjs/testing';
import { MikroORM, RequestContext, type EntityManager } from '@mikro-orm/core';
import type { Type } from '@nestjs/common';
import { Client } from 'pg';
import type { DynamicModule } from '@nestjs/common';
import { DomainError, FixedClock, PlatformModule, scopeToCommunity } from '@linli/platform';
import { allEntities, allMigrations } from '../../config/contexts';
import { createTestDatabase, type TestDatabase } from './test-database';
import { testConfig } from './test-api';

/**
 * The use-case tier (immich's "medium" tests): a context's application services from a Nest
 * testing module on a real, migrated PostgreSQL, called directly, without HTTP. The int-specs next
 * to the use cases (and test/contracts) start one with the modules they need.
 */
export interface UseCaseTier {
  database: TestDatabase;
  module: TestingModule;
  clock: FixedClock;
  get<T>(type: Type<T>): T;
  /** A fresh entity manager for arranging and inspecting data. */
  em(): EntityManager;
  /** Runs `work` as a request of `communityId` would: its own unit of work, scoped to the community. */
  inCommunity<T>(communityId: string, work: () => Promise<T>): Promise<T>;
  /** A separate connection, for holding locks while a use case runs. */
  connect(): Promise<Client>;
  close(): Promise<void>;
}

export async function startUseCaseTier(options: {
  /** The context modules under test (and the ones they need), e.g. [VolunteeringModule]. */
  imports: (Type | DynamicModule)[];
  now?: Date;
  env?: Record<string, string>;
}): Promise<UseCaseTier> {
  const database = await createTestDatabase();
  const clock = new FixedClock(options.now ?? new Date());
  const module = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot({
        config: testConfig({ DB_POOL_MAX: '20', ...options.env }),
        databaseUrl: database.url,
        entities: allEntities,
        migrations: allMigrations,
        http: false,
        clock,
      }),
      ...options.imports,
    ],
  }).compile();
  await module.init();
  const orm = module.get(MikroORM);
  return {
    database,
    module,
    clock,
    get: (type) => module.get(type),
    em: () => orm.em.fork(),
    inCommunity: (communityId, work) =>
      RequestContext.create(orm.em.fork(), () => {
        scopeToCommunity(orm.em, communityId);
        return work();
      }),
    connect: async () => {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      return client;
    },
    close: async () => {
      await module.close();
      await database.drop();
    },
  };
}

/**
 * Resolves once another backend waits for a lock (an advisory lock or a row), i.e. once a use
 * case started beside the test has reached the lock the test holds. Polls; asserts nothing on time.
 */
export async function untilSomeoneWaitsForALock(client: Client): Promise<void> {
  for (;;) {
    const { rows } = await client.query(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
    );
    if (rows[0].waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The code of the DomainError a use case rejects with, or 'resolved'; any other error is rethrown. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}
