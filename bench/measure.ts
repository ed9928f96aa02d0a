/** Median wall time of `work` in milliseconds, after warming up (the JIT must see the code first). */
export function medianMs(work: () => unknown, options: { warmup: number; runs: number }): number {
  for (let i = 0; i < options.warmup; i++) work();
  const times: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const start = process.hrtime.bigint();
    work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export function report(name: string, ours: number, baseline: number, unit: string): void {
  const fmt = (n: number) => (n >= 100 ? n.toFixed(1) : n.toFixed(3));
  console.log(
    `bench ${name}: ours=${fmt(ours)} baseline=${fmt(baseline)} ratio=${(ours / baseline).toFixed(3)} ${unit}`,
  );
}
