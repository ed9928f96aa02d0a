import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const started = globalThis.__LINLI_TEST_CLUSTER__;
  if (!started) return;
  await started.cluster.stop();
  rmSync(started.dir, { recursive: true, force: true });
}
