import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

/** Estate names by id, for shifts at an estate (the train's visits): they change rarely. */
export function useEstateNames(): ReadonlyMap<string, string> {
  const estates = useQuery({
    queryKey: ['estates'],
    queryFn: () => unwrap(api.GET('/api/v1/estates', { params: { query: { pageSize: 100 } } })),
    staleTime: 10 * 60_000,
  });
  return useMemo(
    () => new Map((estates.data?.items ?? []).map((estate) => [estate.id, estate.name])),
    [estates.data],
  );
}
