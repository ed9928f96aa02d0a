import type { FeedWindow } from './calendar-entry';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * The entries a feed carries: `daysBack` before now to `daysAhead` after. The edges are rounded
 * outward to whole hours, so every request within an hour asks the sources the same question and
 * an unchanged feed keeps its bytes (and its ETag).
 */
export function feedWindow(now: Date, daysBack: number, daysAhead: number): FeedWindow {
  const from = now.getTime() - daysBack * DAY_MS;
  const to = now.getTime() + daysAhead * DAY_MS;
  return {
    from: new Date(Math.floor(from / HOUR_MS) * HOUR_MS),
    to: new Date(Math.ceil(to / HOUR_MS) * HOUR_MS),
  };
}
