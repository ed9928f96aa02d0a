/**
 * A statement PostgreSQL parses, rewrites and plans once per connection instead of on every run:
 * for the few statements a rush runs thousands of times (the claim, the session check). Parsing
 * and planning a statement that reads through views costs more than running it (the claim
 * context: ~2 ms of planning against ~0.15 ms of work), see `npm run bench -- claims`.
 *
 * Use one two ways, never both for the same statement:
 * - `sql(statement, params)` on a `SqlDatabase` path: sent as a named protocol-level statement
 *   (`$n` parameters, as any other); on the ORM path (`sqlIn`) its text runs unprepared.
 * - `statement.execute(...)` inside `SqlDatabase.transaction`'s `firstStatements` (simple protocol,
 *   where parameters cannot go), listed in the transaction's `prepared`: the connection gets an SQL
 *   `PREPARE name(types) AS text` the first time, and the round trip says `EXECUTE name(literals)`.
 *
 * Names are global on a connection: prefix them with the owning context. The text must be
 * constant (a connection keeps every statement it prepared until it closes). A statement whose
 * tables change shape is re-planned by PostgreSQL itself; list columns, never `SELECT *`, in what
 * it returns, or a migration can break the cached plan's result type.
 */
export class PreparedStatement {
  constructor(
    readonly name: string,
    readonly text: string,
    /** Parameter types, for `execute` (SQL-level PREPARE needs them declared). */
    readonly types: readonly string[] = [],
  ) {
    if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a statement name: ${name}`);
  }

  /** `PREPARE` for a connection that does not have it yet. */
  get prepare(): string {
    const types = this.types.length ? `(${this.types.join(', ')})` : '';
    return `PREPARE ${this.name}${types} AS ${this.text}`;
  }

  /** `EXECUTE` with literal arguments, for first statements: only checked UUIDs and numbers. */
  execute(...literals: string[]): string {
    if (literals.length !== this.types.length) {
      throw new Error(`${this.name} takes ${this.types.length} arguments, not ${literals.length}`);
    }
    return literals.length ? `EXECUTE ${this.name}(${literals.join(', ')})` : `EXECUTE ${this.name}`;
  }
}
