/**
 * Issues 5 and 11, the HTTP side of `npm run bench -- feeds`, for a 1,000-entry feed (the
 * organisers' community calendar over 1,000 real shifts), one request at a time over a keep-alive
 * connection to the API in this process:
 * - 304 answers (token lookup, rate limit, the shift source's content version: no entries, no
 *   render) against full answers that load the entries and render the body cold each time (both
 *   caches cleared). Target (issue 11, item 6): at least 5 times the rate.
 * - gzip: the bytes on the wire and the rate of 200s with Accept-Encoding: gzip, against the
 *   identity encoding, both from the body cache.
 *
 * Uses BENCH_DATABASE_URL (a server) when set, otherwise an embedded PostgreSQL in a temp dir.
 */
import { Agent, request } from 'node:http';
import { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { MikroORM } from '@mikro-orm/core';
import { loadConfig, ormOptions } from '@linli/platform';
import { createTenant, TEST_PASSWORD } from '@linli/identity/testing';
import { makeShift } from '@linli/volunteering/testing';
import { RenderedFeedCache, sharedEventCache } from '@linli/calendar';
import { createApi } from '../apps/api/src/create-api';
import { allEntities, allMigrations } from '../config/contexts';
import { report } from './measure';
import { openBenchDatabase } from './bench-database';

const ENTRIES = 1_000;
const REQUESTS = Number(process.env.BENCH_FEED_REQUESTS ?? 300);
const ROUNDS = 10;

interface Answer {
  status: number;
  etag?: string;
  bytes: number;
}

function get(
  agent: Agent,
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', agent, headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, etag: res.headers.etag, bytes }));
    });
    req.on('error', reject);
    req.end();
  });
}

interface Case {
  /** Runs before each request, untimed (the cold case clears the caches there). */
  before?: () => void;
  call: () => Promise<Answer>;
  expected: number;
}

/**
 * Requests per second of each case, measured in interleaved rounds (each round one untimed
 * request, then `perRound` timed ones per case): on a shared machine the load changes by the
 * minute, and interleaving makes every case run under the same load.
 */
async function interleavedRates(cases: Case[], rounds: number, perRound: number): Promise<number[]> {
  const nanos = cases.map(() => 0n);
  for (let round = 0; round < rounds; round++) {
    for (const [i, { before, call, expected }] of cases.entries()) {
      for (let n = 0; n <= perRound; n++) {
        before?.();
        const start = process.hrtime.bigint();
        const answer = await call();
        if (n > 0) nanos[i] += process.hrtime.bigint() - start;
        if (answer.status !== expected) throw new Error(`expected ${expected}, got ${answer.status}`);
      }
    }
  }
  return nanos.map((total) => (rounds * perRound) / (Number(total) / 1e9));
}

export async function feeds304Case(): Promise<void> {
  const database = await openBenchDatabase();
  const orm = await MikroORM.init(
    ormOptions({ url: database.url, entities: allEntities, migrations: allMigrations, poolMax: 2 }),
  );
  const em = orm.em.fork();
  const tenant = await createTenant(em, `feeds-${Date.now()}`);
  // One shift every 4 hours: 1,000 shifts over ~167 days, all inside the default window.
  const now = new Date();
  for (let i = 0; i < ENTRIES; i++) {
    makeShift(em, tenant.community.id, { now, startsInHours: 2 + i * 4, title: `社区值班 第 ${i} 班` });
  }
  await em.flush();
  await orm.close(true);

  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123456789',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    FEED_LIMIT_PER_HOUR: '1000000',
  });
  const app = await createApi({ config, databaseUrl: database.url });
  await app.listen(0, '127.0.0.1');
  const port = ((app.getHttpServer() as Server).address() as AddressInfo).port;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: tenant.accounts.organiser.email, password: TEST_PASSWORD }),
    }).then((r) => r.json() as Promise<{ accessToken: string }>);
    const created = await fetch(`http://127.0.0.1:${port}/api/v1/calendar-subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.accessToken}` },
      body: JSON.stringify({ scope: { kind: 'community' } }),
    }).then((r) => r.json() as Promise<{ url: string }>);
    const path = `/cal/${created.url.split('/cal/')[1]}`;

    const first = await get(agent, port, path);
    const events = first.status === 200 ? first.bytes : 0;
    if (!first.etag || events === 0) throw new Error(`feed failed: ${first.status}`);
    const bodyCache = app.get(RenderedFeedCache);
    const cold = () => {
      bodyCache.clear();
      sharedEventCache.clear();
    };
    const zipped = await get(agent, port, path, { 'accept-encoding': 'gzip' });
    if (zipped.status !== 200 || zipped.etag !== `W/${first.etag}`) throw new Error('gzip answer failed');
    const held = { 'if-none-match': first.etag };
    const [fullRenders, notModified, warm200, gzip200] = await interleavedRates(
      [
        { before: cold, call: () => get(agent, port, path), expected: 200 },
        { call: () => get(agent, port, path, held), expected: 304 },
        { call: () => get(agent, port, path), expected: 200 },
        { call: () => get(agent, port, path, { 'accept-encoding': 'gzip' }), expected: 200 },
      ],
      ROUNDS,
      Math.ceil(REQUESTS / ROUNDS),
    );
    report('feeds.304-rate.vs-full-answers', notModified, fullRenders, 'req/s');
    report('feeds.gzip-bytes', zipped.bytes, first.bytes, 'bytes');
    report('feeds.gzip-rate.vs-identity', gzip200, warm200, 'req/s');
    console.log(
      `feeds http: ${ENTRIES} entries, body ${(first.bytes / 1024).toFixed(0)} KiB ` +
        `(gzip ${(zipped.bytes / 1024).toFixed(0)} KiB), ${REQUESTS} sequential requests each in ${ROUNDS} interleaved rounds; ` +
        `304 ${notModified.toFixed(0)} req/s, full answers (cold render) ${fullRenders.toFixed(0)} req/s, ` +
        `200 from the body cache ${warm200.toFixed(0)} req/s (gzip ${gzip200.toFixed(0)} req/s)`,
    );
  } finally {
    agent.destroy();
    await app.close();
    await database.stop();
  }
}
