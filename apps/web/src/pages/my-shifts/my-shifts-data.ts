import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type MyShift = components['schemas']['MyShiftsDto_Output']['items'][number];

const DAY = 86_400_000;
/** How far back the past list reaches, and how far ahead the upcoming one. */
const PAST_DAYS = 60;
const AHEAD_DAYS = 120;
const ACTIVE = new Set<MyShift['status']>(['confirmed', 'checked_in', 'waitlisted']);

/** Upcoming shifts in start order; finished ones latest first. */
export function splitMyShifts(
  items: readonly MyShift[],
  now: number,
): { upcoming: MyShift[]; past: MyShift[] } {
  const isUpcoming = (item: MyShift) => ACTIVE.has(item.status) && Date.parse(item.endsAt) > now;
  const byStart = (a: MyShift, b: MyShift) => Date.parse(a.startsAt) - Date.parse(b.startsAt);
  return {
    upcoming: items.filter(isUpcoming).sort(byStart),
    past: items.filter((item) => !isUpcoming(item)).sort((a, b) => byStart(b, a)),
  };
}

/** The volunteer's shifts (`GET /me/shifts`: title, place and times in one answer). */
export function useMyShifts() {
  return useQuery({
    queryKey: ['my-shifts'],
    queryFn: () => {
      const now = Date.now();
      return unwrap(
        api.GET('/api/v1/me/shifts', {
          params: {
            query: {
              from: new Date(now - PAST_DAYS * DAY).toISOString(),
              to: new Date(now + AHEAD_DAYS * DAY).toISOString(),
              limit: 200,
            },
          },
        }),
      );
    },
  });
}
