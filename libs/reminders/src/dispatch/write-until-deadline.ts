import { isConnectionFailure, isTransient, type Clock } from '@linli/platform';
import { backoffDelayMs, type BackoffSettings } from './retry-policy';

export type DeadlineWrite<T> =
  { written: true; value: T } | { written: false; attempts: number; error: unknown };

/**
 * Runs one database write of the dispatcher (an outcome, a release), retrying while the database
 * cannot be reached (a restart, a stopped server, a broken pooled connection) or the statement hit
 * a deadlock, with jittered exponential backoff, as long as the next try still comes before
 * `deadline` (the claim's lease end). Past that the row may belong to another worker, so it gives up
 * and says so: never forever (a worker stuck on a dead database), never just once (a blip after a
 * delivered message would send it again). Any other error is a defect and is thrown.
 */
export async function writeUntilDeadline<T>(
  write: () => Promise<T>,
  options: {
    deadline: Date;
    clock: Clock;
    backoff: BackoffSettings;
    random: () => number;
    sleep?: (ms: number) => Promise<void>;
  },
): Promise<DeadlineWrite<T>> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return { written: true, value: await write() };
    } catch (error) {
      if (!isConnectionFailure(error) && !isTransient(error)) throw error;
      const delayMs = backoffDelayMs(attempt, options.backoff, options.random());
      if (options.clock.now().getTime() + delayMs >= options.deadline.getTime()) {
        return { written: false, attempts: attempt, error };
      }
      await sleep(delayMs);
    }
  }
}
