import { createServer } from 'node:net';
import { Client } from 'pg';
import { allMigrations } from '../../../../config/contexts';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { ReadinessProbe } from './readiness-probe';

/** The readiness probe on its own connection: what it answers, and that it always answers. */
describe('ReadinessProbe', () => {
  const names = allMigrations.map((migration) => migration.name);
  let database: TestDatabase;
  const probes: ReadinessProbe[] = [];
  const probeOf = (url: string, migrationNames: readonly string[] = names) => {
    const probe = new ReadinessProbe(url, migrationNames);
    probes.push(probe);
    return probe;
  };

  beforeAll(async () => (database = await createTestDatabase()));
  afterAll(async () => {
    await Promise.all(probes.map((probe) => probe.close()));
    await database.drop();
  });

  it('is ready on a database with every migration applied', async () => {
    expect(await probeOf(database.url).check()).toEqual({ ready: true });
  });

  it('counts the migrations not yet applied (MikroORM records them under the same names)', async () => {
    const probe = probeOf(database.url, [...names, 'Migration29991231000000_from_the_future']);
    expect(await probe.check()).toEqual({ ready: false, reason: 'migrations-pending', pending: 1 });

    const empty = await createTestDatabase({ migrated: false });
    try {
      expect(await probeOf(empty.url).check()).toEqual({
        ready: false,
        reason: 'migrations-pending',
        pending: names.length,
      });
    } finally {
      await probes.pop()!.close();
      await empty.drop();
    }
  });

  it('answers "database down" when nothing listens', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    expect(await probeOf(`postgresql://postgres@127.0.0.1:${port}/nothing`).check()).toEqual({
      ready: false,
      reason: 'database-down',
    });
  });

  it('answers "database down" when the server accepts but never answers (connect timeout)', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      expect(await probeOf(`postgresql://postgres@127.0.0.1:${port}/silent`).check()).toEqual({
        ready: false,
        reason: 'database-down',
      });
    } finally {
      await probes.pop()!.close();
      silent.close();
    }
  });

  it('answers "database down" when its statement stalls (statement timeout), then recovers', async () => {
    const probe = probeOf(database.url);
    expect(await probe.check()).toEqual({ ready: true }); // its connection is open
    const blocker = new Client({ connectionString: database.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE mikro_orm_migrations IN ACCESS EXCLUSIVE MODE');
      expect(await probe.check()).toEqual({ ready: false, reason: 'database-down' });
      await blocker.query('COMMIT');
      expect(await probe.check()).toEqual({ ready: true });
    } finally {
      await blocker.end();
    }
  });

  it('lets concurrent probes share one round trip', async () => {
    const probe = probeOf(database.url);
    const first = probe.check();
    expect(probe.check()).toBe(first);
    await first;
    expect(probe.check()).not.toBe(first);
  });
});
