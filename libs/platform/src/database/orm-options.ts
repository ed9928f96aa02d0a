import { Options, type MigrationObject } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { TypeOverrides, types } from 'pg';
import { Migrator } from '@mikro-orm/migrations';

export type EntityClass = abstract new (...args: never[]) => object;

/** The one MikroORM configuration: used by the API, the worker, the migration scripts and the tests. */
export function ormOptions(options: {
  url: string;
  entities: EntityClass[];
  /** Every context's migrations (config/contexts.ts); only processes that migrate need them. */
  migrations?: MigrationObject[];
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
    driverOptions: { connection: { types: ormTypeParsers() }, log: { warn: knexWarning } },
    allowGlobalContext: false,
    debug: options.debug ?? false,
    extensions: [Migrator],
    migrations: {
      tableName: 'mikro_orm_migrations',
      // Compiled-in list rather than a folder glob: the same migrations run from ts sources, dist and jest.
      migrationsList: options.migrations ?? [],
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

/**
 * knex prints a "Connection Error" for every pooled connection the server drops: during an outage
 * that is one unstructured line per connection on stdout. The outage is logged once, structured,
 * by the HTTP edge (ProblemDetailsFilter, DatabaseOutage); knex's other warnings still print.
 */
function knexWarning(message: string): void {
  if (/^Connection Error\b/.test(String(message))) return;
  console.warn(message);
}

/**
 * MikroORM's PostgreSQL driver reads every date and time column as text; entities convert, but
 * raw statements (`sqlIn(em)`) would see strings. We keep its choices except for `timestamptz`,
 * which pg reads as `Date`: the same as on SqlDatabase's pool, so a timestamp is a `Date` on every
 * path (docs/decisions/0012-one-sql-idiom.md).
 */
function ormTypeParsers(): TypeOverrides {
  const overrides = new TypeOverrides();
  const asText = (value: string) => value;
  // pg's parser of text[] (oid 1009, not among its named builtins) splits any array literal.
  const TEXT_ARRAY = 1009 as unknown as Parameters<typeof types.getTypeParser>[0];
  const textArray = types.getTypeParser(TEXT_ARRAY);
  for (const oid of [1082, 1114, 1186]) overrides.setTypeParser(oid, asText); // date, timestamp, interval
  for (const oid of [1182, 1115, 1187]) overrides.setTypeParser(oid, textArray); // their arrays
  return overrides;
}
