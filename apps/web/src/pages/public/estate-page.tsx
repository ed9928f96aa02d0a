import { Link, useParams } from 'react-router';
import { ApiProblem } from '../../api/problem';
import { useI18n } from '../../i18n/i18n';
import { PageError, PageHeader, PageLoading } from '../../layout/page-state';
import { PublicEvents, SubscribeFeed } from './public-events';
import { PublicLayout } from './public-layout';
import { communityPath, usePublicDirectory, visitsFeedPath } from './public-directory';

/** 居民: one estate's page, no sign-in: when the service vehicle comes, and its calendar to subscribe. */
export default function EstatePage() {
  const { t } = useI18n();
  const { slug = '', estateId = '' } = useParams();
  const directory = usePublicDirectory(slug);
  if (directory.isPending) {
    return (
      <PublicLayout>
        <PageLoading />
      </PublicLayout>
    );
  }
  const estate = directory.data?.items.find((item) => item.id === estateId);
  if (directory.isError || !estate) {
    return (
      <PublicLayout community={directory.data?.community.name}>
        <PageError
          error={directory.error ?? new ApiProblem(404, 'NOT_FOUND')}
          onRetry={directory.isError ? () => directory.refetch() : undefined}
        />
      </PublicLayout>
    );
  }
  const { community } = directory.data;
  return (
    <PublicLayout community={community.name}>
      <PageHeader title={estate.name} intro={t('public.estate.intro', { estate: estate.name })} />
      <PublicEvents
        feedPath={visitsFeedPath(slug, estate.id)}
        timeZone={community.timeZone}
        heading={t('public.estate.visits')}
        nothing={t('public.estate.nothing', { estate: estate.name })}
      />
      <SubscribeFeed feedPath={visitsFeedPath(slug, estate.id)} />
      <Link className="tap-link" to={communityPath(slug)}>
        {t('public.estate.back', { community: community.name })}
      </Link>
    </PublicLayout>
  );
}
