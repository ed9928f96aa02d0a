import type { DynamicModule, Type } from '@nestjs/common';
import type { MigrationObject } from '@mikro-orm/core';
import type { EntityClass } from '../database/orm-options';
import type { ErrorCodeTable } from '../errors/error-codes';

/**
 * What a context brings to the application, declared in its own folder
 * (`libs/<context>/src/<context>.context.ts`) and listed once in `config/contexts.ts`. Nothing
 * outside the context's folder names its entities, modules, codes or migrations
 * (docs/adding-a-context.md).
 */
export interface LinliContext {
  /** The folder name under libs/, e.g. 'volunteering'. */
  name: string;
  /** The tables the context owns: only its own SQL names them (test/contracts/table-ownership). */
  entities: EntityClass[];
  /** Its migrations, named `Migration<yyyyMMddHHmmss>_<what>`; all contexts' run in name order. */
  migrations: MigrationObject[];
  /** Its error codes (declared with `defineErrorCodes`); listed so they are registered at boot. */
  errorCodes: ErrorCodeTable;
  /** The HTTP face: controllers and what they need. Imported by the API process. */
  api?: Type | DynamicModule;
  /** Ticks and event consumers. Imported by the worker (and by `npm start`'s one process). */
  worker?: Type | DynamicModule;
  /** Demo data (the Chengnan community), run in list order on start when SEED_DEMO says so. */
  demoSeed?: Type<{ execute(): Promise<unknown> }>;
}

export interface ComposedContexts {
  entities: EntityClass[];
  migrations: MigrationObject[];
  apiModules: (Type | DynamicModule)[];
  workerModules: (Type | DynamicModule)[];
  demoSeeds: Type<{ execute(): Promise<unknown> }>[];
}

/** Puts the contexts together: every entity once, every migration in name order, their modules. */
export function composeContexts(
  contexts: readonly LinliContext[],
  base: { entities: EntityClass[]; migrations: MigrationObject[] },
): ComposedContexts {
  const names = new Set<string>();
  for (const context of contexts) {
    if (names.has(context.name)) throw new Error(`context ${context.name} is listed twice`);
    names.add(context.name);
  }
  const migrations = [...base.migrations, ...contexts.flatMap((c) => c.migrations)];
  const seen = new Set<string>();
  for (const migration of migrations) {
    if (seen.has(migration.name)) throw new Error(`migration ${migration.name} is listed twice`);
    seen.add(migration.name);
  }
  return {
    entities: [...base.entities, ...contexts.flatMap((c) => c.entities)],
    migrations: migrations.sort((a, b) => a.name.localeCompare(b.name)),
    apiModules: contexts.flatMap((c) => (c.api ? [c.api] : [])),
    workerModules: contexts.flatMap((c) => (c.worker ? [c.worker] : [])),
    demoSeeds: contexts.flatMap((c) => (c.demoSeed ? [c.demoSeed] : [])),
  };
}
