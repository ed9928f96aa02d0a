import { MikroORM } from '@mikro-orm/core';
import { ormOptions, pendingMigrations } from '@linli/platform';
import { allEntities, allMigrations } from '../../config/contexts';
import { createTestDatabase, TestDatabase } from '../support/test-database';

describe('migrations', () => {
  let database: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
    orm = await MikroORM.init(
      ormOptions({ url: database.url, entities: allEntities, migrations: allMigrations, poolMax: 2 }),
    );
  });
  afterAll(async () => {
    await orm.close(true);
    await database.drop();
  });

  it('apply from an empty database, all of them, in order', async () => {
    expect(await pendingMigrations(orm)).toEqual(allMigrations.map((m) => m.name));
    const applied = await orm.getMigrator().up();
    expect(applied.map((m) => m.name)).toEqual(allMigrations.map((m) => m.name));
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

  it('are all registered: every migration file in platform and in each context is in the list', async () => {
    const { existsSync, readdirSync } = await import('node:fs');
    const folders = [
      'libs/platform/src/database/migrations',
      ...readdirSync('libs').map((context) => `libs/${context}/src/infra/migrations`),
    ].filter((folder) => existsSync(folder));
    const files = folders.flatMap((folder) =>
      readdirSync(folder).filter((f) => /^Migration\d+.*\.ts$/.test(f)),
    );
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(allMigrations.map((m) => m.name).sort());
  });
});
