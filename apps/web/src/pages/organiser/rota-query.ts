import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** The week's rota from its Monday, or the current week (in the community's zone) without one. */
export function useRota(from: string | undefined) {
  return useQuery({
    queryKey: ['rota', from ?? 'this-week'],
    queryFn: () => unwrap(api.GET('/api/v1/rota', { params: { query: from ? { from } : {} } })),
  });
}
