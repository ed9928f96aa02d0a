import { createHash } from 'node:crypto';
import { stdSerializers } from 'pino';

/** What a log line says about a database error: enough to find the statement, nothing of the data. */
export interface LoggedDatabaseError {
  type: string;
  message: string;
  sqlState: string;
  constraint?: string;
  table?: string;
  column?: string;
  /** sha256 (16 hex) of the statement with its literals taken out: the same statement, the same hash. */
  statementHash: string;
  stack?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * pino's `err` serializer. Database errors carry the statement with its values inlined (knex
 * writes `${sql} - ${reason}` into MikroORM's DriverException) and PostgreSQL's own message and
 * detail quote values too (`invalid input syntax for type uuid: "..."`, `Key (email)=(...)`);
 * those lines are logged as SQLSTATE, constraint, table, column and a hash of the statement's
 * shape instead. Other errors are logged as pino always did. pino-http hands it an already
 * serialized error (with the original as `raw`); the out-of-request logger hands it the error.
 */
export function serializeErrorForLog(input: unknown): unknown {
  const raw = rawError(input);
  const serialized = input instanceof Error ? stdSerializers.err(input) : input;
  if (!isDatabaseError(raw)) return serialized;
  return databaseErrorForLog(raw);
}

function rawError(input: unknown): unknown {
  if (input instanceof Error) return input;
  const raw = (input as { raw?: unknown } | null | undefined)?.raw;
  return raw ?? input;
}

function isDatabaseError(error: unknown): error is Error & Record<string, unknown> {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !SQLSTATE.test(code)) return false;
  // pg's DatabaseError has a severity; MikroORM's DriverException copies it and names itself.
  return 'severity' in error || /Exception$/.test(error.name);
}

export function databaseErrorForLog(error: Error & Record<string, unknown>): LoggedDatabaseError {
  const text = (key: string) => (typeof error[key] === 'string' ? (error[key] as string) : undefined);
  const sqlState = text('code') as string;
  const statement = statementOf(error);
  return {
    type: error.name,
    message: `database error ${sqlState}`,
    sqlState,
    ...(text('constraint') ? { constraint: text('constraint') } : {}),
    ...(text('table') ? { table: text('table') } : {}),
    ...(text('column') ? { column: text('column') } : {}),
    statementHash: hashOfShape(statement),
    // The first line of a stack repeats the message: keep only the frames.
    ...(error.stack
      ? {
          stack: error.stack
            .split('\n')
            .filter((line) => line.trim().startsWith('at '))
            .join('\n'),
        }
      : {}),
  };
}

/** knex writes `${statement} - ${reason}`; without a statement, the reason's shape stands in. */
function statementOf(error: Error): string {
  const at = error.message.lastIndexOf(' - ');
  return at > 0 ? error.message.slice(0, at) : error.message;
}

function hashOfShape(statement: string): string {
  const shape = statement
    .replace(/'(?:[^']|'')*'/g, '?')
    .replace(/\b\d+(?:\.\d+)?\b/g, '?')
    .replace(/\s+/g, ' ')
    .trim();
  return createHash('sha256').update(shape).digest('hex').slice(0, 16);
}
