import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';

/**
 * The real Linli entry points as child processes, for tests that need real processes (kill one,
 * stop its database, send it signals):
 *
 *   const api = await LinliProcess.start({ role: 'api', env: { DATABASE_URL: cluster.url } });
 *   api.baseUrl                           // http://127.0.0.1:<free port>
 *   const worker = await LinliProcess.start({ role: 'worker', env: { DATABASE_URL, SMTP_URL } });
 *   await worker.waitForOutput(/claimed/);  // any pattern on stdout+stderr (JSON log lines)
 *   worker.kill('SIGKILL');  await worker.exited();   // -> { code, signal }
 *   await api.stop();                      // SIGTERM, then the exit code (0 for a clean stop)
 *
 * Roles: `api` (apps/api/src/main.ts), `api+worker` (the same with --with-worker, as `npm start`),
 * `worker` (apps/worker/src/main.ts). `start` resolves once the process is ready: the API has
 * logged "Linli API on" and answers /health/ready with 200; the worker has logged "Linli worker
 * running". Sources are compiled on load by @swc/core (./swc-register.cjs, ~4x faster to start than
 * ts-node). The environment is only what is given plus PATH/HOME and test defaults (NODE_ENV=test,
 * LOG_LEVEL=info, a shared JWT_SECRET so tokens from one API process work on another, a temporary
 * DATA_DIR). Every wait is for a condition, never a fixed sleep; the deadlines are generous.
 */
export type LinliRole = 'api' | 'api+worker' | 'worker';

export interface LinliProcessOptions {
  role: LinliRole;
  /** DATABASE_URL at least; MAIL_*, SMTP_URL, LOG_LEVEL, … as the test needs. */
  env: Record<string, string>;
  /** Milliseconds to wait for readiness (default 120 s: a cold start on a busy 2-core machine). */
  readyTimeoutMs?: number;
}

const ROOT = resolve(__dirname, '../../..');
const ENTRY: Record<LinliRole, string[]> = {
  api: ['apps/api/src/main.ts'],
  'api+worker': ['apps/api/src/main.ts', '--with-worker'],
  worker: ['apps/worker/src/main.ts'],
};
const READY: Record<LinliRole, RegExp> = {
  api: /Linli API on http/,
  'api+worker': /Linli API on http/,
  worker: /Linli worker running/,
};

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class LinliProcess {
  private text = '';
  private readonly exit: Promise<Exit>;

  private constructor(
    readonly role: LinliRole,
    readonly child: ChildProcess,
    readonly port: number,
    private readonly dataDir: string,
  ) {
    child.stdout!.on('data', (chunk: Buffer) => (this.text += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.text += chunk.toString()));
    // A test run that ends without stopping its processes must not leave them running.
    const orphaned = () => child.kill('SIGKILL');
    process.once('exit', orphaned);
    this.exit = new Promise((done) => {
      child.once('exit', (code, signal) => {
        process.off('exit', orphaned);
        rmSync(this.dataDir, { recursive: true, force: true });
        done({ code, signal });
      });
    });
  }

  /** Spawns the process without waiting (see `start` for the waiting kind). */
  static async spawn(options: LinliProcessOptions): Promise<LinliProcess> {
    const port = options.role === 'worker' ? 0 : await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'linli-resilience-data-'));
    const child = spawn(
      process.execPath,
      [
        '-r',
        join(__dirname, 'swc-register.cjs'),
        '-r',
        join(ROOT, 'scripts/register-paths.cjs'),
        ...ENTRY[options.role],
      ],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: 'test',
          LOG_LEVEL: 'info',
          JWT_SECRET: 'resilience-tests-shared-secret-0123456789',
          DATA_DIR: dataDir,
          PORT: String(port),
          ...options.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    return new LinliProcess(options.role, child, port, dataDir);
  }

  /** Spawns the process and resolves once it is ready; fails (with its output) if it exits first. */
  static async start(options: LinliProcessOptions): Promise<LinliProcess> {
    const started = await LinliProcess.spawn(options);
    try {
      await started.waitUntilReady(options.readyTimeoutMs ?? 120_000);
    } catch (error) {
      started.kill('SIGKILL');
      throw error;
    }
    return started;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Everything the process wrote so far (stdout and stderr, interleaved as they arrived). */
  output(): string {
    return this.text;
  }

  /** The structured (pino JSON) log lines so far. */
  logLines(): Record<string, unknown>[] {
    return this.text
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return []; // a line still being written
        }
      });
  }

  /** Resolves once the output matches `pattern`; rejects if the process exits first or on timeout. */
  waitForOutput(pattern: RegExp, timeoutMs = 120_000): Promise<void> {
    return this.waitFor(() => pattern.test(this.text), `output ${pattern}`, timeoutMs);
  }

  /** Resolves once `condition` holds (checked on each output chunk and every 100 ms). */
  waitFor(condition: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
    return new Promise((resolveWait, reject) => {
      let settled = false;
      const finish = (error?: Error) => {
        if (settled) return;
        settled = true;
        clearInterval(poll);
        clearTimeout(deadline);
        this.child.stdout!.off('data', check);
        this.child.stderr!.off('data', check);
        if (error) reject(error);
        else resolveWait();
      };
      const check = () => {
        if (condition()) finish();
      };
      const poll = setInterval(check, 100);
      const deadline = setTimeout(
        () =>
          finish(new Error(`${this.role} ${this.pid}: no ${what} within ${timeoutMs} ms:\n${this.tail()}`)),
        timeoutMs,
      );
      this.child.stdout!.on('data', check);
      this.child.stderr!.on('data', check);
      void this.exit.then((exit) => {
        check();
        finish(
          new Error(`${this.role} exited (${exit.code ?? exit.signal}) before ${what}:\n${this.tail()}`),
        );
      });
      check();
    });
  }

  async waitUntilReady(timeoutMs = 120_000): Promise<void> {
    await this.waitForOutput(READY[this.role], timeoutMs);
    if (this.role === 'worker') return;
    const response = await fetch(`${this.baseUrl}/health/ready`);
    if (response.status !== 200) {
      throw new Error(`${this.role}: /health/ready answered ${response.status} after start:\n${this.tail()}`);
    }
  }

  /** Sends a signal (SIGTERM, SIGINT, SIGKILL, SIGSTOP, …); a process that has exited is left alone. */
  kill(signal: NodeJS.Signals = 'SIGTERM'): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
  }

  exited(): Promise<Exit> {
    return this.exit;
  }

  /** SIGTERM and the exit; a process that does not stop within `timeoutMs` is killed and reported. */
  async stop(timeoutMs = 60_000): Promise<Exit> {
    this.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((done) => (timer = setTimeout(() => done('late'), timeoutMs)));
    const result = await Promise.race([this.exit, late]);
    clearTimeout(timer);
    if (result !== 'late') return result;
    this.kill('SIGKILL');
    await this.exit;
    throw new Error(
      `${this.role} ${this.pid} did not stop within ${timeoutMs} ms after SIGTERM:\n${this.tail()}`,
    );
  }

  /** The last lines of output, for failure messages. */
  tail(lines = 40): string {
    return this.text.split('\n').slice(-lines).join('\n');
  }
}
