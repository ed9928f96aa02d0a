import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { PreparedStatement } from './prepared-statement';
import { SqlDatabase } from './sql-database';

/** Hot statements are parsed and planned once per connection (claims: docs/decisions/0019). */
describe('PreparedStatement on SqlDatabase', () => {
  let database: TestDatabase;
  let db: SqlDatabase;
  const double = new PreparedStatement('probe_double', 'SELECT $1::int * 2 AS doubled');
  const tripleFirst = new PreparedStatement('probe_triple', 'SELECT $1::int * 3 AS tripled', ['int']);
  /** What the connection has prepared (SQL-level and protocol-level alike). */
  const preparedNames = (sql: (text: string) => Promise<{ name: string }[]>) =>
    sql(`SELECT name FROM pg_prepared_statements ORDER BY name`).then((rows) => rows.map((r) => r.name));

  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
    // One connection: every run below meets what the earlier ones prepared.
    db = new SqlDatabase(database.url, 1);
  });
  afterAll(async () => {
    await db.close();
    await database.drop();
  });

  it('runs a statement by name with $n parameters, parsing it on the connection once', async () => {
    expect(await db.query(double, [21])).toEqual([{ doubled: 42 }]);
    expect(await db.query(double, [5])).toEqual([{ doubled: 10 }]);
    expect(await preparedNames((text) => db.query(text))).toEqual(['probe_double']);
  });

  it('executes a prepared statement among the first statements, preparing it on first use only', async () => {
    const run = (n: number) =>
      db.transaction(async (sql, first) => ({ first, names: await preparedNames((text) => sql(text)) }), {
        firstStatements: tripleFirst.execute(String(n)),
        prepared: [tripleFirst],
      });
    expect((await run(2)).first).toEqual([{ tripled: 6 }]);
    // A second PREPARE of the same name would fail: it is remembered per connection.
    const again = await run(7);
    expect(again.first).toEqual([{ tripled: 21 }]);
    expect(again.names).toEqual(['probe_double', 'probe_triple']);
  });

  it('keeps what it prepared after a transaction rolls back', async () => {
    await expect(
      db.transaction(
        async () => {
          throw new Error('the work fails');
        },
        { firstStatements: tripleFirst.execute('1'), prepared: [tripleFirst] },
      ),
    ).rejects.toThrow('the work fails');
    const after = await db.transaction(async (_sql, first) => first, {
      firstStatements: tripleFirst.execute('4'),
      prepared: [tripleFirst],
    });
    expect(after).toEqual([{ tripled: 12 }]);
  });

  it('inlines nothing but the literals it is given, and only as many as it declares', () => {
    expect(tripleFirst.prepare).toBe('PREPARE probe_triple(int) AS SELECT $1::int * 3 AS tripled');
    expect(tripleFirst.execute('5')).toBe('EXECUTE probe_triple(5)');
    expect(() => tripleFirst.execute('1', '2')).toThrow(/takes 1 arguments/);
    expect(() => new PreparedStatement('Robert"); DROP TABLE x; --', 'SELECT 1')).toThrow(
      /not a statement name/,
    );
  });
});
