import { MikroORM } from '@mikro-orm/core';
import { migrationsList, ormOptions, pendingMigrations } from '@linli/platform';
import { allEntities } from '../../config/entities';
import { createTestDatabase, TestDatabase } from '../support/test-database';

describe('migrations', () => {
  let database: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
    orm = await MikroORM.init(ormOptions({ url: database.url, entities: allEntities, poolMax: 2 }));
  });
  afterAll(async () => {
    await orm.close(true);
    await database.drop();
  });

  it('apply from an empty database, all of them, in order', async () => {
    expect(await pendingMigrations(orm)).toEqual(migrationsList.map((m) => m.name));
    const applied = await orm.getMigrator().up();
    expect(applied.map((m) => m.name)).toEqual(migrationsList.map((m) => m.name));
    expect(await pendingMigrations(orm)).toEqual([]);
  });

  it('agree with the entities: generating a migration now would produce nothing', async () => {
    const pendingChanges = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(pendingChanges.trim()).toBe('');
  });

  it('roll all the way down and up again', async () => {
    await orm.getMigrator().down({ to: 0 });
    const tables = await orm.em
      .getConnection()
      .execute(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'mikro_orm_migrations'`,
      );
    expect(tables).toEqual([]);
    await orm.getMigrator().up();
    expect(await pendingMigrations(orm)).toEqual([]);
  });

  it('are all registered: every migration file in the folder is in the list', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync('libs/platform/src/database/migrations').filter((f) =>
      /^Migration\d+.*\.ts$/.test(f),
    );
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(migrationsList.map((m) => m.name).sort());
  });
});
