const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A UUID as an SQL literal (for statements sent with BEGIN, which take no parameters); anything else is refused. */
export function uuidLiteral(value: string): string {
  if (!isUuid(value)) throw new Error(`not a UUID: ${String(value).slice(0, 40)}`);
  return `'${value}'`;
}

/**
 * UUIDs as one PostgreSQL array parameter (`$1::uuid[]`). An `Sql` on the ORM's unit of work
 * (`sqlIn`) would spread a JS array into a list of values, so arrays travel as their text form;
 * only checked UUIDs are in it, so nothing needs quoting.
 */
export function uuidArray(ids: Iterable<string>): string {
  return `{${[...new Set(ids)].filter(isUuid).join(',')}}`;
}
