import { Options } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { migrationsList } from './migrations';

export type EntityClass = abstract new (...args: never[]) => object;

/** The one MikroORM configuration: used by the API, the worker, the migration scripts and the tests. */
export function ormOptions(options: {
  url: string;
  entities: EntityClass[];
  poolMax?: number;
  debug?: boolean;
}): Options<PostgreSqlDriver> {
  return {
    driver: PostgreSqlDriver,
    clientUrl: options.url,
    entities: options.entities,
    // Entities declare their column types; no reflection needed, so swc/ts-jest/tsc all agree.
    discovery: { requireEntitiesArray: true, checkDuplicateTableNames: true },
    pool: { min: 0, max: options.poolMax ?? 10 },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: options.debug ?? false,
    extensions: [Migrator],
    migrations: {
      tableName: 'mikro_orm_migrations',
      // Compiled-in list rather than a folder glob: the same migrations run from ts sources, dist and jest.
      migrationsList,
      path: 'libs/platform/src/database/migrations',
      pathTs: 'libs/platform/src/database/migrations',
      glob: '!(*.d).{js,ts}',
      transactional: true,
      silent: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      fileName: (timestamp: string, name?: string) => `Migration${timestamp}${name ? `_${name}` : ''}`,
    },
  };
}
