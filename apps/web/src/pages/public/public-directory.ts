import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** The community's name, zone and estates (public, no sign-in): both resident pages start from it. */
export function usePublicDirectory(slug: string) {
  return useQuery({
    queryKey: ['public-directory', slug],
    queryFn: () =>
      unwrap(api.GET('/api/v1/public/communities/{slug}/estates', { params: { path: { slug } } })),
    staleTime: 10 * 60_000,
  });
}

export const marketFeedPath = (slug: string) => `/cal/public/${encodeURIComponent(slug)}/market.ics`;
export const visitsFeedPath = (slug: string, estateId: string) =>
  `/cal/public/${encodeURIComponent(slug)}/estates/${encodeURIComponent(estateId)}/visits.ics`;
export const communityPath = (slug: string) => `/community/${encodeURIComponent(slug)}`;
export const estatePath = (slug: string, estateId: string) =>
  `${communityPath(slug)}/estates/${encodeURIComponent(estateId)}`;
