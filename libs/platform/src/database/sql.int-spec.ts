import { MikroORM } from '@mikro-orm/core';
import { ormOptions } from './orm-options';
import { platformEntities } from '../platform.module';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { sqlIn } from './sql';
import { SqlDatabase } from './sql-database';
import { inTransaction } from './transaction';

/** The one SQL idiom (ADR 0012): $n parameters, typed rows, timestamps as Date on every path. */
describe('sqlIn and SqlDatabase', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  let db: SqlDatabase;
  const AT = new Date('2026-12-01T01:02:03.456Z');

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await MikroORM.init(ormOptions({ url: database.url, entities: platformEntities, poolMax: 4 }));
    db = new SqlDatabase(database.url, 4);
    await db.query('CREATE TABLE sql_idiom_probe (id int PRIMARY KEY, at timestamptz, note text)');
  });
  afterAll(async () => {
    await db.close();
    await orm.close(true);
    await database.drop();
  });

  it('reads timestamptz as Date on the ORM path and on the SqlDatabase path alike', async () => {
    await db.query('INSERT INTO sql_idiom_probe VALUES ($1, $2, $3)', [1, AT, 'a ? b']);
    const viaOrm = await sqlIn(orm.em.fork())<{ at: Date; note: string }>(
      'SELECT at, note FROM sql_idiom_probe WHERE id = $1',
      [1],
    );
    const viaPool = await db.query<{ at: Date; note: string }>(
      'SELECT at, note FROM sql_idiom_probe WHERE id = $1',
      [1],
    );
    expect(viaOrm).toEqual([{ at: AT, note: 'a ? b' }]);
    expect(viaPool).toEqual(viaOrm);
    expect(viaOrm[0].at).toBeInstanceOf(Date);
  });

  it('joins the ORM unit of work: a rolled-back transaction leaves nothing', async () => {
    await expect(
      inTransaction(orm.em, async (em) => {
        await sqlIn(em)('INSERT INTO sql_idiom_probe VALUES ($1, $2, $3)', [2, AT, 'x']);
        const seen = await sqlIn(em)('SELECT id FROM sql_idiom_probe WHERE id = $1', [2]);
        expect(seen).toHaveLength(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await db.query('SELECT id FROM sql_idiom_probe WHERE id = 2')).toEqual([]);
  });

  it('runs a transaction with first statements sent with BEGIN, and rolls back on error', async () => {
    const first = await db.transaction(
      async (sql, rows) => {
        await sql('INSERT INTO sql_idiom_probe VALUES ($1, now(), $2)', [3, 'committed']);
        return rows;
      },
      { firstStatements: 'SELECT 41 + 1 AS answer' },
    );
    expect(first).toEqual([{ answer: 42 }]);
    await expect(
      db.transaction(async (sql) => {
        await sql('INSERT INTO sql_idiom_probe VALUES ($1, now(), $2)', [4, 'rolled back']);
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    const ids = await db.query<{ id: number }>('SELECT id FROM sql_idiom_probe WHERE id IN (3, 4)');
    expect(ids).toEqual([{ id: 3 }]);
  });

  it('retries a serialization failure, so the caller sees the second attempt’s result', async () => {
    let attempts = 0;
    const result = await db.transaction(async () => {
      attempts++;
      if (attempts === 1) throw Object.assign(new Error('could not serialize'), { code: '40001' });
      return 'done';
    });
    expect([result, attempts]).toEqual(['done', 2]);
  });

  it('says so when a statement names a parameter it was not given', async () => {
    await expect(sqlIn(orm.em.fork())('SELECT $2::int', [1])).rejects.toThrow(/\$2 but has 1 parameter/);
  });
});
