import { FixedClock } from '@linli/platform';
import { writeUntilDeadline } from './write-until-deadline';

const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
const start = new Date('2026-12-01T01:00:00Z');

/** A write that fails `failures` times (each taking `msPerTry` of the clock), then answers 1. */
function flakyWrite(clock: FixedClock, failures: number, msPerTry: number, error: () => Error = refused) {
  const calls = { count: 0 };
  const write = async () => {
    calls.count += 1;
    clock.advance(msPerTry);
    if (calls.count <= failures) throw error();
    return 1;
  };
  return { write, calls };
}

const options = (clock: FixedClock, deadlineMs: number) => ({
  deadline: new Date(start.getTime() + deadlineMs),
  clock,
  backoff: { baseDelayMs: 200, maxDelayMs: 5_000 },
  random: () => 0.5,
  sleep: async (ms: number) => clock.advance(ms),
});

describe('an outcome write retried until the lease deadline', () => {
  it('the database is back after a few refusals: written, after as many tries', async () => {
    const clock = new FixedClock(start);
    const { write, calls } = flakyWrite(clock, 3, 10);
    expect(await writeUntilDeadline(write, options(clock, 60_000))).toEqual({ written: true, value: 1 });
    expect(calls.count).toBe(4);
  });

  it('the database stays away: gives up when the next try would come after the deadline', async () => {
    const clock = new FixedClock(start);
    const { write, calls } = flakyWrite(clock, Infinity, 1_000);
    const result = await writeUntilDeadline(write, options(clock, 20_000));
    expect(result).toMatchObject({ written: false });
    // Each try takes 1 s, then 150, 300, 600, 1200, 2400, 3750, 3750 ms of backoff: tries start at
    // 0, 1.15, 2.45, 4.05, 6.25, 9.65, 14.4 and 19.15 s; a ninth would start after the deadline.
    expect(calls.count).toBe(8);
    expect(clock.now().getTime()).toBe(start.getTime() + 20_150);
  });

  it('a deadlock is retried like a lost connection', async () => {
    const clock = new FixedClock(start);
    const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });
    const { write } = flakyWrite(clock, 1, 10, deadlock);
    expect(await writeUntilDeadline(write, options(clock, 60_000))).toEqual({ written: true, value: 1 });
  });

  it('any other error is a defect: thrown at once, not retried', async () => {
    const clock = new FixedClock(start);
    const syntax = () => Object.assign(new Error('syntax error'), { code: '42601' });
    const { write, calls } = flakyWrite(clock, 5, 10, syntax);
    await expect(writeUntilDeadline(write, options(clock, 60_000))).rejects.toThrow('syntax error');
    expect(calls.count).toBe(1);
  });
});
