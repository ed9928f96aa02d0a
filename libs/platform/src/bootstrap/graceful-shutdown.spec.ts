import type { INestApplicationContext } from '@nestjs/common';
import { closeWithin } from './graceful-shutdown';

/** closeWithin: the app's close, but never longer than it is given. Fake timers. */
describe('closeWithin', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const appClosing = (close: () => Promise<void>) => ({ close }) as unknown as INestApplicationContext;
  const logger = () => ({ warn: jest.fn() });

  it('waits for an app that closes in time, and says nothing', async () => {
    const log = logger();
    let closed = false;
    const app = appClosing(async () => {
      closed = true;
    });
    await closeWithin(app, 10_000, log);
    expect(closed).toBe(true);
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('goes on without an app whose close hangs once its time is up, and says so', async () => {
    const log = logger();
    const app = appClosing(() => new Promise<void>(() => undefined)); // e.g. a pool with a stuck statement
    let done = false;
    const closing = closeWithin(app, 5_000, log).then(() => (done = true));
    await jest.advanceTimersByTimeAsync(4_999);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await closing;
    expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/did not close within 5s/));
  });

  it('passes on a failure of the close itself', async () => {
    const app = appClosing(() => Promise.reject(new Error('pool refused to end')));
    await expect(closeWithin(app, 10_000, logger())).rejects.toThrow('pool refused to end');
  });
});
