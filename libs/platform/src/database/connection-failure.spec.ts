import {
  ConnectionException,
  DeadlockException,
  DriverException,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { DatabaseOutage } from './outage';
import { isConnectionFailure, isTransient } from './transaction';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('isConnectionFailure', () => {
  it.each([
    ['ECONNREFUSED', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['ECONNRESET', withCode('ECONNRESET', 'read ECONNRESET')],
    ['EPIPE', withCode('EPIPE', 'write EPIPE')],
    ['57P01 admin shutdown', withCode('57P01', 'terminating connection due to administrator command')],
    ['57P02 crash shutdown', withCode('57P02')],
    ['57P03 cannot connect now', withCode('57P03', 'the database system is starting up')],
    ['08006 connection failure', withCode('08006')],
    ['08001 unable to connect', withCode('08001')],
    ['08P01 protocol violation', withCode('08P01')],
    ['53300 too many connections', withCode('53300')],
    [
      'a database that does not accept connections (ALLOW_CONNECTIONS false)',
      withCode('55000', 'database "linli" is not currently accepting connections'),
    ],
    ['pg: Connection terminated unexpectedly', new Error('Connection terminated unexpectedly')],
    [
      'pg: Connection terminated due to connection timeout',
      new Error('Connection terminated due to connection timeout'),
    ],
    [
      'pg: a broken pooled client',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    [
      'knex/tarn: acquire timeout',
      new Error(
        'Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?',
      ),
    ],
    [
      'an AggregateError of connect attempts (IPv6 then IPv4)',
      new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], ''),
    ],
    ['a cause', new Error('query failed', { cause: withCode('ECONNRESET') })],
    [
      'MikroORM’s wrapping of a driver error',
      new DriverException(withCode('57P01', 'select 1 - terminating connection')),
    ],
    ['MikroORM’s ConnectionException', new ConnectionException(withCode('08006'))],
  ])('%s is a connection failure', (_name, error) => {
    expect(isConnectionFailure(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new UniqueConstraintViolationException(withCode('23505'))],
    ['a deadlock (retried as transient, not an outage)', new DeadlockException(withCode('40P01'))],
    ['a syntax error', withCode('42601', 'syntax error at or near "selec"')],
    ['another 55000', withCode('55000', 'cannot refresh materialized view concurrently')],
    ['a missing database', withCode('3D000', 'database "nope" does not exist')],
    ['a plain error', new Error('boom')],
    ['undefined', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('%s is not', (_name, error) => {
    expect(isConnectionFailure(error)).toBe(false);
  });

  it('keeps deadlocks and serialization failures transient, and connection failures apart from them', () => {
    expect(isTransient(withCode('40001'))).toBe(true);
    expect(isTransient(withCode('57P01'))).toBe(false);
  });

  it('does not loop on an error that is its own cause', () => {
    const error = new Error('loop') as Error & { cause?: unknown };
    error.cause = error;
    expect(isConnectionFailure(error)).toBe(false);
  });
});

describe('DatabaseOutage', () => {
  afterEach(() => jest.useRealTimers());

  it('logs once when it starts and once when a probe finds the database again', async () => {
    jest.useFakeTimers();
    const warnings: unknown[][] = [];
    let up = false;
    const outage = new DatabaseOutage({
      logger: { warn: (...args: unknown[]) => warnings.push(args) },
      ping: () => (up ? Promise.resolve() : Promise.reject(withCode('ECONNREFUSED'))),
      probeEveryMs: 1_000,
    });

    for (let i = 0; i < 50; i++) outage.failed(withCode('ECONNREFUSED', 'connect ECONNREFUSED'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toEqual([
      { reason: 'ECONNREFUSED: connect ECONNREFUSED' },
      expect.stringMatching(/^Database unreachable/),
    ]);

    await jest.advanceTimersByTimeAsync(3_000);
    expect(warnings).toHaveLength(1);
    expect(outage.ongoing).toBe(true);

    up = true;
    await jest.advanceTimersByTimeAsync(1_000);
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toEqual([
      expect.objectContaining({ failedRequests: 50 }),
      expect.stringMatching(/^Database reachable again after \d/),
    ]);
    expect(outage.ongoing).toBe(false);

    // A new outage is a new pair of lines.
    outage.failed(withCode('57P01'));
    expect(warnings).toHaveLength(3);
    outage.close();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(warnings).toHaveLength(3);
  });

  it('names the failure without the statement MikroORM puts before it', () => {
    const warnings: unknown[][] = [];
    const outage = new DatabaseOutage({
      logger: { warn: (...args: unknown[]) => warnings.push(args) },
      ping: () => new Promise(() => undefined),
    });
    outage.failed(
      new DriverException(new Error('select "secret" from "people" - Connection terminated unexpectedly')),
    );
    outage.close();
    expect(JSON.stringify(warnings)).not.toContain('secret');
    expect(warnings[0][0]).toEqual({ reason: 'Connection terminated unexpectedly' });
  });
});
