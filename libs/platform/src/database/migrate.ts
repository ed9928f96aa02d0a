import { MikroORM } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';

export async function applyPendingMigrations(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((migration) => migration.name);
}

export async function pendingMigrations(orm: MikroORM): Promise<string[]> {
  const pending = await (orm.getMigrator() as Migrator).getPendingMigrations();
  return pending.map((migration) => migration.name);
}
