import { api, unwrap } from '../../api/client';

export const OPEN_SHIFTS_LIMIT = 200;

/** The open-shifts query, shared by the page and the start-up prefetch (app.tsx). */
export const openShiftsQuery = {
  queryKey: ['open-shifts'],
  queryFn: () => unwrap(api.GET('/api/v1/shifts/open', { params: { query: { limit: OPEN_SHIFTS_LIMIT } } })),
};
