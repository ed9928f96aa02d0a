import { readFileSync } from 'node:fs';
/**
 * Issue 4: N concurrent clients claiming places on M shifts through the HTTP API (a separate API
 * process, as in production), against the same transaction sent straight to PostgreSQL with `pg`
 * at the same concurrency, in one run. Prints both rates, the ratio, p50/p99 latency and the final
 * counts. Target: the API reaches at least 40% of the raw rate.
 *
 * Two baselines: "same transaction" runs the API's own claim transaction (claimTransaction: the
 * same SQL and rules) straight on `pg`, so the ratio is what HTTP, Nest and auth add; "raw" is a
 * minimal hand-written claim (lock, check, insert, count) without the rules or the domain event.
 *
 * Uses BENCH_DATABASE_URL (a server) when set, otherwise an embedded PostgreSQL in a temp dir.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { Pool } from 'pg';
import { openBenchDatabase } from './bench-database';
import { report } from './measure';
import { SqlDatabase } from '@linli/platform';
import { ClaimInput, claimTransaction, claimTransactionOptions } from '@linli/volunteering';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const SHIFTS = Number(process.env.BENCH_SHIFTS ?? 20);
const CAPACITY = 50;
const CLAIMS_PER_SHIFT = 100; // half confirmed, half waitlisted
const SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';

interface Setup {
  communityId: string;
  shiftIds: string[];
  personIds: string[];
}

async function seed(pool: Pool, label: string): Promise<Setup> {
  const communityId = randomUUID();
  await pool.query(
    `INSERT INTO community (id, name, slug, time_zone, locale, created_at, updated_at) VALUES ($1, $2, $3, 'Asia/Shanghai', 'zh-CN', now(), now())`,
    [communityId, `压测社区 ${label}`, `bench-${label}-${communityId.slice(0, 8)}`],
  );
  const shiftIds = Array.from({ length: SHIFTS }, () => randomUUID());
  for (const [i, id] of shiftIds.entries()) {
    const startsAt = new Date(Date.now() + (3 + i) * 86_400_000);
    await pool.query(
      `INSERT INTO shift (id, community_id, title, starts_at, ends_at, time_zone, capacity, confirmed_count, held_count, required_qualifications, reserved_for_kinds, status, version, edited_by_hand, checkin_code, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'Asia/Shanghai', $6, 0, 0, '{}', '{}', 'open', 1, false, '000000', now(), now())`,
      [id, communityId, `压测班次 ${i}`, startsAt, new Date(startsAt.getTime() + 2 * 3600_000), CAPACITY],
    );
  }
  const personIds = Array.from({ length: SHIFTS * CLAIMS_PER_SHIFT }, () => randomUUID());
  for (let i = 0; i < personIds.length; i += 500) {
    const chunk = personIds.slice(i, i + 500);
    await pool.query(
      `INSERT INTO person (id, community_id, name, skills, qualifications, languages, active, created_at, updated_at)
       SELECT id, $1, '压测志愿者', '{}', '{}', '{zh-CN}', true, now(), now() FROM unnest($2::uuid[]) AS id`,
      [communityId, chunk],
    );
    // Each volunteer's account (same id as the person): the API checks every token's account.
    await pool.query(
      `INSERT INTO account (id, community_id, email, password_hash, role, person_id, active, created_at, updated_at)
       SELECT id, $1, 'bench-' || id || '@bench.linli', 'not-a-hash', 'volunteer', id, true, now(), now()
         FROM unnest($2::uuid[]) AS id`,
      [communityId, chunk],
    );
  }
  return { communityId, shiftIds, personIds };
}

/** The claim transaction written by hand: lock the shift, check, insert, count. */
async function rawClaim(pool: Pool, setup: Setup, shiftId: string, personId: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(
      `SELECT capacity, confirmed_count, held_count, starts_at, ends_at FROM shift WHERE id = $1 AND community_id = $2 FOR UPDATE`,
      [shiftId, setup.communityId],
    );
    const shift = rows[0];
    const active = await client.query(
      `SELECT 1 FROM claim WHERE shift_id = $1 AND person_id = $2 AND status IN ('confirmed','waitlisted')`,
      [shiftId, personId],
    );
    if (active.rowCount) throw new Error('already');
    const confirmed = shift.capacity - shift.confirmed_count - shift.held_count > 0;
    await client.query(
      `INSERT INTO claim (id, community_id, shift_id, person_id, status, source, created_by, starts_at, ends_at, created_at, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, 'self', $3, $5, $6, now(), now())`,
      [
        setup.communityId,
        shiftId,
        personId,
        confirmed ? 'confirmed' : 'waitlisted',
        shift.starts_at,
        shift.ends_at,
      ],
    );
    if (confirmed)
      await client.query(`UPDATE shift SET confirmed_count = confirmed_count + 1 WHERE id = $1`, [shiftId]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The API's own claim transaction (same SQL, same rules, same SqlDatabase with its prepared
 * statements), without HTTP, Nest or the session check.
 */
async function sameTransaction(
  db: SqlDatabase,
  setup: Setup,
  shiftId: string,
  personId: string,
): Promise<void> {
  const input: ClaimInput = {
    actor: { accountId: personId, communityId: setup.communityId, role: 'volunteer', personId },
    shiftId,
    person: personId,
    source: 'self',
    now: new Date(),
  };
  await db.transaction((sql, first) => claimTransaction(sql, first, input), claimTransactionOptions(input));
}

async function runConcurrently(total: number, clients: number, work: (index: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let index = next++; index < total; index = next++) {
        const t = process.hrtime.bigint();
        try {
          await work(index);
        } catch {
          failures++;
        }
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))];
  return { rate: total / seconds, p50: pct(50), p99: pct(99), failures };
}

async function finalCounts(pool: Pool, setup: Setup) {
  const { rows } = await pool.query(
    `SELECT count(*) FILTER (WHERE c.status = 'confirmed')::int AS confirmed, count(*) FILTER (WHERE c.status = 'waitlisted')::int AS waitlisted,
            (SELECT max(confirmed_count) FROM shift WHERE community_id = $1)::int AS max_per_shift
       FROM claim c WHERE c.community_id = $1`,
    [setup.communityId],
  );
  return rows[0] as { confirmed: number; waitlisted: number; max_per_shift: number };
}

function post(agent: Agent, port: number, path: string, token: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': 2,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 201 ? resolve() : reject(new Error(`status ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

function startApi(databaseUrl: string, port: number): ChildProcess {
  return spawn(
    process.execPath,
    [
      ...(process.env.BENCH_API_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profileDir()}`] : []),
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'apps/api/src/main.ts',
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        JWT_SECRET: SECRET,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        MIGRATE_ON_START: 'false',
        DB_POOL_MAX: String(CLIENTS),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

/** BENCH_API_PROFILE=1 writes the API's CPU profile to /tmp/prof; any other value names the folder. */
function profileDir(): string {
  const wanted = process.env.BENCH_API_PROFILE;
  return !wanted || wanted === '1' ? '/tmp/prof' : wanted;
}

async function waitReady(base: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/health/ready`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('API did not start');
}

/** User + system CPU time of a process so far, in ms (Linux /proc). */
function cpuMs(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

export async function run(): Promise<void> {
  const database = await openBenchDatabase();
  const pool = new Pool({ connectionString: database.url, max: CLIENTS });
  // Stopping the database at the end terminates idle connections; that is not a failure.
  pool.on('error', () => undefined);
  const port = 3900 + Math.floor(Math.random() * 90);
  const api = startApi(database.url, port);
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitReady(base);
    const total = SHIFTS * CLAIMS_PER_SHIFT;

    const rawSetup = await seed(pool, 'raw');
    const raw = await runConcurrently(total, CLIENTS, (i) =>
      rawClaim(pool, rawSetup, rawSetup.shiftIds[i % SHIFTS], rawSetup.personIds[i]),
    );
    const sameSetup = await seed(pool, 'same');
    const db = new SqlDatabase(database.url, CLIENTS);
    const same = await runConcurrently(total, CLIENTS, (i) =>
      sameTransaction(db, sameSetup, sameSetup.shiftIds[i % SHIFTS], sameSetup.personIds[i]),
    );
    await db.close();

    const apiSetup = await seed(pool, 'api');
    const jwt = new JwtService({
      secret: SECRET,
      signOptions: { algorithm: 'HS256', expiresIn: 3600, issuer: 'linli' },
    });
    const tokens = apiSetup.personIds.map((pid) =>
      jwt.sign({ sub: pid, cid: apiSetup.communityId, role: 'volunteer', pid }),
    );
    // A plain keep-alive HTTP client: the client's own cost should not be what is measured.
    const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
    const cpuBefore = cpuMs(api.pid);
    const viaApi = await runConcurrently(total, CLIENTS, (i) =>
      post(agent, port, `/api/v1/shifts/${apiSetup.shiftIds[i % SHIFTS]}/claims`, tokens[i]),
    );
    agent.destroy();
    // The API process's CPU per claim: steadier than the rate on a shared 2-core machine.
    const apiCpuPerClaim = (cpuMs(api.pid) - cpuBefore) / total;

    const rawCounts = await finalCounts(pool, rawSetup);
    const apiCounts = await finalCounts(pool, apiSetup);
    const sameCounts = await finalCounts(pool, sameSetup);
    console.log(
      `claims: ${CLIENTS} clients, ${SHIFTS} shifts x ${CAPACITY} places, ${total} claims each side`,
    );
    const line = (name: string, r: typeof raw, c: typeof rawCounts) =>
      console.log(
        `  ${name}: ${r.rate.toFixed(0)} claims/s p50=${r.p50.toFixed(1)}ms p99=${r.p99.toFixed(1)}ms failures=${r.failures} ` +
          `confirmed=${c.confirmed} waitlisted=${c.waitlisted} max-per-shift=${c.max_per_shift}`,
      );
    line('api (HTTP)', viaApi, apiCounts);
    console.log(`  api process CPU: ${apiCpuPerClaim.toFixed(3)} ms per claim`);
    line('same transaction on pg', same, sameCounts);
    line('minimal transaction on pg', raw, rawCounts);
    if ([apiCounts, sameCounts, rawCounts].some((c) => c.max_per_shift > CAPACITY))
      throw new Error('overbooked');
    for (const [name, baseline] of [
      ['http-vs-same-transaction-pg', same],
      ['http-vs-minimal-transaction-pg', raw],
    ] as const) {
      report(`claims.${name}.rate`, viaApi.rate, baseline.rate, 'claims/s');
      report(`claims.${name}.p50`, viaApi.p50, baseline.p50, 'ms');
      report(`claims.${name}.p99`, viaApi.p99, baseline.p99, 'ms');
    }
  } finally {
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
    await pool.end();
    await database.stop();
  }
}
