import { useQuery } from '@tanstack/react-query';
import { Link, Navigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { EmptyState, PageError, PageHeader, PageLoading } from '../../layout/page-state';
import { PublicLayout } from './public-layout';
import { communityPath } from './public-directory';

/** 居民's way in, no sign-in: an installation's communities (one community: straight to its page). */
export default function CommunitiesPage() {
  const { t } = useI18n();
  const communities = useQuery({
    queryKey: ['public-communities'],
    queryFn: () => unwrap(api.GET('/api/v1/public/communities')),
    staleTime: 10 * 60_000,
  });
  if (communities.data?.items.length === 1) {
    return <Navigate to={communityPath(communities.data.items[0].slug)} replace />;
  }
  return (
    <PublicLayout>
      <PageHeader title={t('public.communities.title')} />
      {communities.isPending ? (
        <PageLoading />
      ) : communities.isError ? (
        <PageError error={communities.error} onRetry={() => communities.refetch()} />
      ) : communities.data.items.length === 0 ? (
        <EmptyState text={t('public.communities.none')} />
      ) : (
        <ul className="public-estates">
          {communities.data.items.map((community) => (
            <li key={community.slug}>
              <Link to={communityPath(community.slug)}>{community.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </PublicLayout>
  );
}
