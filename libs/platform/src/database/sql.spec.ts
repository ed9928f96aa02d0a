import { knexPlaceholders } from './sql';

describe('$n placeholders for MikroORM execute()', () => {
  it.each([
    ['SELECT * FROM t WHERE a = $1 AND b = $2', 'SELECT * FROM t WHERE a = ? AND b = ?', [1, 2]],
    ['SELECT $2, $1, $2', 'SELECT ?, ?, ?', [2, 1, 2]],
    ['SELECT $10 + $1', 'SELECT ? + ?', [10, 1]],
    [`SELECT '$1 costs ?' , $1`, `SELECT '$1 costs \\?' , ?`, [1]],
    [`SELECT "we""ird$1" FROM t WHERE x = $1`, `SELECT "we""ird$1" FROM t WHERE x = ?`, [1]],
    ['SELECT data ? $1 FROM t', 'SELECT data \\? ? FROM t', [1]],
    ['SELECT $$ $1 ? $$, $body$ $2 $body$, $1', 'SELECT $$ $1 \\? $$, $body$ $2 $body$, ?', [1]],
    ['SELECT 1 -- $1 ?\n, $1 /* $2 */', 'SELECT 1 -- $1 \\?\n, ? /* $2 */', [1]],
    [`SELECT 'it''s $1', $1`, `SELECT 'it''s $1', ?`, [1]],
  ])('%s', (text, template, order) => {
    expect(knexPlaceholders(text)).toEqual({ template, order });
  });
});
