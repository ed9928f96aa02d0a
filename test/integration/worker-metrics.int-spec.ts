import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Pool } from 'pg';
import { createTenant } from '@linli/identity/testing';
import { MetricsServer } from '@linli/platform';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { testConfig } from '../support/test-api';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { insertDueMail } from '../support/mail-outbox-rows';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/** A worker has no HTTP port, yet operators scrape it too: the metrics listener is its own. */
describe('the worker process serves /metrics on METRICS_PORT', () => {
  let database: TestDatabase;
  let worker: INestApplicationContext;
  let pool: Pool;
  // The worker's ticks run for real: its dev mailbox goes to a folder of this test's own.
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-worker-metrics-'));

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new Pool({ connectionString: database.url, max: 2 });
    worker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot({
        config: testConfig({ METRICS_PORT: '0', DATA_DIR: dataDir }),
        databaseUrl: database.url,
      }),
      { logger: false },
    );
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await pool.end();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers the outbox gauges (no token needed on loopback) and closes with the worker', async () => {
    const tenant = await createTenant(worker.get(MikroORM).em.fork() as EntityManager);
    // Not due, then failed: the worker's own dispatcher never touches them, so the figure holds still.
    const ids = await insertDueMail(pool, {
      communityId: tenant.community.id,
      count: 4,
      availableAt: new Date(Date.now() + 3_600_000),
    });
    await pool.query(`UPDATE mail_outbox SET status = 'failed', attempts = 8 WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
    const url = `http://127.0.0.1:${worker.get(MetricsServer).address()!.port}/metrics`;
    const text = await (await fetch(url)).text();
    expect(text).toMatch(/^linli_outbox_failed_rows\{channel="mail"\} 4$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
  });
});
