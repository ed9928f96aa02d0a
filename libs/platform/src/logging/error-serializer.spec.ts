import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { stdSerializers } from 'pino';
import { serializeErrorForLog } from './error-serializer';

/** A pg error as the driver raises it: PostgreSQL's reason, its detail quoting the value. */
function pgError(message: string, fields: Record<string, string>): Error {
  return Object.assign(new Error(message), { severity: 'ERROR', ...fields });
}

describe('logging database errors', () => {
  const email = 'wang.fang@example.cn';
  const driverError = () =>
    new UniqueConstraintViolationException(
      pgError(
        `insert into "account" ("email") values ('${email}') - duplicate key value violates unique constraint "account_email_unique"`,
        {
          code: '23505',
          detail: `Key (email)=(${email}) already exists.`,
          constraint: 'account_email_unique',
          table: 'account',
        },
      ),
    );

  it('keeps SQLSTATE, constraint, table and a statement hash; drops the statement, values and detail', () => {
    const logged = serializeErrorForLog(driverError());
    expect(JSON.stringify(logged)).not.toContain(email);
    expect(JSON.stringify(logged)).not.toMatch(/insert into/i);
    expect(logged).toEqual(
      expect.objectContaining({
        sqlState: '23505',
        constraint: 'account_email_unique',
        table: 'account',
        statementHash: expect.stringMatching(/^[0-9a-f]{16}$/),
      }),
    );
  });

  it('gives one hash to one statement whatever its values, as pino-http hands it (serialized, raw kept)', () => {
    const other = new UniqueConstraintViolationException(
      pgError(`insert into "account" ("email") values ('li@example.cn') - duplicate key`, { code: '23505' }),
    );
    const hashOf = (error: Error) =>
      (serializeErrorForLog(stdSerializers.err(error)) as { statementHash: string }).statementHash;
    expect(hashOf(driverError())).toBe(hashOf(other));
  });

  it('logs other errors as pino always did', () => {
    const logged = serializeErrorForLog(new TypeError('x is not a function')) as {
      message: string;
      type: string;
    };
    expect(logged).toEqual(expect.objectContaining({ type: 'TypeError', message: 'x is not a function' }));
  });
});
