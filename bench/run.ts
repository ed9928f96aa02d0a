/**
 * `npm run bench` runs every bench/*.bench.ts; `npm run bench -- recurrence` runs one. Each
 * benchmark prints one line per case:
 *   bench <case>: ours=<value> baseline=<value> ratio=<value> <unit>
 * with ratio = ours / baseline, both measured in the same run.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((file) => file.endsWith('.bench.ts'))
    .filter((file) => wanted.length === 0 || wanted.includes(file.replace('.bench.ts', '')));
  if (files.length === 0) throw new Error(`no benchmark named ${wanted.join(', ')}`);
  for (const file of files) {
    // require, not import(): ts-node compiles .ts only on the CommonJS path.
    const { run } = createRequire(__filename)(join(__dirname, file)) as { run: () => Promise<void> | void };
    await run();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
