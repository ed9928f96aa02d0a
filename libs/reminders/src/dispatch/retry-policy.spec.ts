import { backoffDelayMs, decideAfterFailure, isPermanent } from './retry-policy';

const backoff = { baseDelayMs: 1000, maxDelayMs: 60_000 };

describe('mail retry policy', () => {
  it.each([
    ['421 service not available (greylisting, overload)', { responseCode: 421, code: 'EENVELOPE' }, false],
    ['450 mailbox busy', { responseCode: 450, code: 'EENVELOPE' }, false],
    ['connection refused', { code: 'ECONNECTION' }, false],
    ['timeout', { code: 'ETIMEDOUT' }, false],
    ['socket closed', { code: 'ESOCKET' }, false],
    ['550 no such user', { responseCode: 550, code: 'EENVELOPE' }, true],
    ['554 rejected as spam', { responseCode: 554, code: 'EMESSAGE' }, true],
    ['authentication failed (535)', { responseCode: 535, code: 'EAUTH' }, true],
    ['authentication failed without a reply', { code: 'EAUTH' }, true],
    ['malformed recipient address', { code: 'EENVELOPE' }, true],
  ])('%s: permanent=%s', (_name, facts, permanent) => {
    expect(isPermanent({ message: 'x', ...facts })).toBe(permanent);
  });

  it('backs off exponentially up to the cap, with half of each delay random', () => {
    expect(backoffDelayMs(1, backoff, 0)).toBe(500);
    expect(backoffDelayMs(1, backoff, 1)).toBe(1000);
    expect(backoffDelayMs(3, backoff, 0)).toBe(2000);
    expect(backoffDelayMs(3, backoff, 1)).toBe(4000);
    expect(backoffDelayMs(30, backoff, 1)).toBe(60_000);
    expect(backoffDelayMs(30, backoff, 0)).toBe(30_000);
  });

  it('retries a 4xx until the last attempt, then fails with the reason', () => {
    const failure = { responseCode: 421, code: 'EENVELOPE', message: 'try later' };
    expect(decideAfterFailure(failure, 2, 3, backoff, 0.5)).toEqual({
      action: 'retry',
      delayMs: 1500,
      reason: 'EENVELOPE 421: try later',
    });
    expect(decideAfterFailure(failure, 3, 3, backoff, 0.5)).toEqual({
      action: 'fail',
      reason: 'gave up after 3 attempts: EENVELOPE 421: try later',
    });
  });

  it('fails a 5xx on the first attempt', () => {
    const failure = { responseCode: 550, code: 'EENVELOPE', message: 'no such user' };
    expect(decideAfterFailure(failure, 1, 8, backoff, 0.5)).toEqual({
      action: 'fail',
      reason: 'EENVELOPE 550: no such user',
    });
  });
});
