import type { EntityManager } from '@mikro-orm/core';
import type { PreparedStatement } from './prepared-statement';

/**
 * The one way Linli writes raw SQL (docs/decisions/0012-one-sql-idiom.md): `$n` parameters,
 * typed rows, timestamps as `Date`. Only `infra/` files call it; application code reaches the
 * database through the repositories and queries they export. A hot statement may be a
 * `PreparedStatement` (planned once per connection on the SqlDatabase path).
 */
export type Sql = <Row extends object = Record<string, unknown>>(
  text: string | PreparedStatement,
  params?: readonly unknown[],
) => Promise<Row[]>;

/**
 * An `Sql` on the unit of work of `em`: inside `em.transactional()` (or `inTransaction`) the
 * statements join that transaction, otherwise each runs on a pooled connection. For use cases
 * that load entities and run a statement the ORM cannot say in the same transaction. It goes
 * through MikroORM's public `execute()`, so it does not depend on knex.
 */
export function sqlIn(em: EntityManager): Sql {
  return async <Row extends object>(
    statement: string | PreparedStatement,
    params: readonly unknown[] = [],
  ) => {
    const text = typeof statement === 'string' ? statement : statement.text;
    const { template, order } = knexPlaceholders(text);
    const bindings = order.map((n) => {
      if (n > params.length) throw new Error(`SQL names $${n} but has ${params.length} parameters`);
      return params[n - 1];
    });
    return em
      .getConnection()
      .execute<Row[]>(template, bindings as unknown[], 'all', em.getTransactionContext());
  };
}

interface Converted {
  template: string;
  /** For each `?` of the template, the 1-based number of the parameter it stands for. */
  order: number[];
}

const converted = new Map<string, Converted>();
const CACHE_LIMIT = 2_000;

/**
 * Rewrites `$n` placeholders to the `?` that MikroORM's `execute()` takes, skipping string
 * literals, quoted identifiers, dollar-quoted bodies and comments; a literal `?` (a jsonb
 * operator) is escaped so it is not read as a placeholder. Cached per statement text: the texts
 * are constants in infra files, so the cache stays small.
 */
export function knexPlaceholders(text: string): Converted {
  const cached = converted.get(text);
  if (cached) return cached;
  let template = '';
  const order: number[] = [];
  let i = 0;
  // knex reads every `?` as a placeholder, inside literals too: escape them all.
  const copyUntil = (end: number) => {
    template += text.slice(i, end).replace(/\?/g, '\\?');
    i = end;
  };
  while (i < text.length) {
    const ch = text[i];
    const next = text[i + 1];
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < text.length) {
        if (text[j] === ch && text[j + 1] === ch) j += 2;
        else if (text[j] === ch) break;
        else j++;
      }
      copyUntil(Math.min(j + 1, text.length));
    } else if (ch === '-' && next === '-') {
      const end = text.indexOf('\n', i);
      copyUntil(end === -1 ? text.length : end);
    } else if (ch === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      copyUntil(end === -1 ? text.length : end + 2);
    } else if (ch === '$' && next !== undefined && /[0-9]/.test(next)) {
      let j = i + 1;
      while (j < text.length && /[0-9]/.test(text[j])) j++;
      order.push(Number(text.slice(i + 1, j)));
      template += '?';
      i = j;
    } else if (ch === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i));
      if (tag) {
        const end = text.indexOf(tag[0], i + tag[0].length);
        copyUntil(end === -1 ? text.length : end + tag[0].length);
      } else copyUntil(i + 1);
    } else {
      copyUntil(i + 1);
    }
  }
  const result = { template, order };
  if (converted.size < CACHE_LIMIT) converted.set(text, result);
  return result;
}
