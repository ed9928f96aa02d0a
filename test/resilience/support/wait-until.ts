/**
 * Resolves once `condition` holds, checking every `everyMs`; fails with `what` (and `explain()`,
 * the state that matters, when given) after `timeoutMs`. For conditions nothing announces (rows
 * in a table, messages at a sink): a poll, never a sleep standing in for one.
 */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  what: string,
  options: { timeoutMs?: number; everyMs?: number; explain?: () => unknown } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  while (!(await condition())) {
    if (Date.now() > deadline) {
      const state = options.explain ? `: ${JSON.stringify(await options.explain())}` : '';
      throw new Error(`timed out waiting for ${what}${state}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 100));
  }
}
