import { Link, useParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { PageError, PageHeader, PageLoading } from '../../layout/page-state';
import { PublicEvents, SubscribeFeed } from './public-events';
import { PublicLayout } from './public-layout';
import { estatePath, marketFeedPath, usePublicDirectory } from './public-directory';

/** 居民: the community's page, no sign-in: the market's coming dates and the estates' pages. */
export default function CommunityPage() {
  const { t } = useI18n();
  const { slug = '' } = useParams();
  const directory = usePublicDirectory(slug);
  if (directory.isPending) {
    return (
      <PublicLayout>
        <PageLoading />
      </PublicLayout>
    );
  }
  if (directory.isError) {
    return (
      <PublicLayout>
        <PageError error={directory.error} onRetry={() => directory.refetch()} />
      </PublicLayout>
    );
  }
  const { community, items: estates } = directory.data;
  return (
    // The heading names the community; the brand line stays the app's.
    <PublicLayout>
      <PageHeader title={community.name} intro={t('public.community.intro')} />
      <PublicEvents
        feedPath={marketFeedPath(slug)}
        timeZone={community.timeZone}
        heading={t('public.community.marketTitle')}
        nothing={t('public.community.nothing')}
      />
      <section className="stack" aria-labelledby="public-estates-heading">
        <h2 className="public-heading" id="public-estates-heading">
          {t('public.community.estates')}
        </h2>
        <p className="muted">{t('public.community.estatesIntro')}</p>
        <ul className="public-estates">
          {estates.map((estate) => (
            <li key={estate.id}>
              <Link to={estatePath(slug, estate.id)}>{estate.name}</Link>
            </li>
          ))}
        </ul>
      </section>
      <SubscribeFeed feedPath={marketFeedPath(slug)} />
    </PublicLayout>
  );
}
