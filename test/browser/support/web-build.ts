import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..', '..');
const WEB = join(ROOT, 'apps', 'web');
const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

/** Every input of the web build: a change to any of them means a new build. */
function sourceDigest(): string {
  const hash = createHash('sha256');
  const walk = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort())
        if (name !== 'dist' && name !== 'scripts') walk(join(path, name));
    } else {
      hash.update(path.slice(WEB.length)).update(readFileSync(path));
    }
  };
  walk(WEB);
  hash.update(readFileSync(join(ROOT, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The web app built from the current sources, into a temporary folder keyed by their digest: test
 * files running at the same time (or one after another) share one build, and a stale
 * apps/web/dist is never what a test sees. `mode` `single-bundle`: without code-splitting (bench).
 */
export async function buildWebApp(mode: 'production' | 'single-bundle' = 'production'): Promise<string> {
  const dir = join(tmpdir(), `linli-web-${mode}-${sourceDigest()}`);
  if (existsSync(join(dir, 'index.html'))) return dir;
  const building = `${dir}.${process.pid}.${Date.now()}`;
  await run(
    process.execPath,
    [
      VITE,
      'build',
      '--config',
      join(WEB, 'vite.config.mts'),
      '--mode',
      mode,
      '--outDir',
      building,
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
  );
  try {
    renameSync(building, dir);
  } catch (error) {
    // Another test file finished the same build first: use theirs.
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(join(dir, 'index.html'))) throw error;
  }
  return dir;
}

export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}
