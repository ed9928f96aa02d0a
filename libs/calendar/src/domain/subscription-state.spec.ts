import { lastUsedIsStale, subscriptionState } from './subscription-state';

const DAY = 86_400_000;
const revokedAt = new Date('2026-12-01T00:00:00Z');
const at = (ms: number) => new Date(revokedAt.getTime() + ms);

describe('subscriptionState', () => {
  it.each([
    ['never revoked', null, at(365 * DAY), 'active'],
    ['just revoked', revokedAt, at(0), 'grace'],
    ['a moment before the grace period ends', revokedAt, at(7 * DAY - 1), 'grace'],
    ['when the grace period ends', revokedAt, at(7 * DAY), 'gone'],
  ] as const)('%s: %s', (_name, revoked, now, expected) => {
    expect(subscriptionState(revoked, now, 7 * DAY)).toBe(expected);
  });

  it('with no grace period, is gone at once', () => {
    expect(subscriptionState(revokedAt, revokedAt, 0)).toBe('gone');
  });
});

describe('lastUsedIsStale', () => {
  it('asks for a write when never used, or last used a minute or more ago', () => {
    expect(lastUsedIsStale(null, revokedAt)).toBe(true);
    expect(lastUsedIsStale(revokedAt, at(59_999))).toBe(false);
    expect(lastUsedIsStale(revokedAt, at(60_000))).toBe(true);
  });
});
