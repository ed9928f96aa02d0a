import { useQuery } from '@tanstack/react-query';
import { QRCode } from 'antd';
import { formatRange } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { EmptyState, PageLoading } from '../../layout/page-state';
import { eventsWithin, feedLinks } from './public-feed';

const DAYS_SHOWN = 7;

/** The entries of a public feed for the coming days, read from the feed itself (what phones subscribe to). */
export function PublicEvents({
  feedPath,
  timeZone,
  heading,
  nothing,
}: {
  feedPath: string;
  timeZone: string;
  heading: string;
  nothing: string;
}) {
  const { t, language } = useI18n();
  const feed = useQuery({
    queryKey: ['public-feed', feedPath],
    queryFn: async () => {
      const response = await fetch(feedPath, { headers: { accept: 'text/calendar' } });
      if (!response.ok) throw new Error(`${feedPath}: ${response.status}`);
      return response.text();
    },
    staleTime: 5 * 60_000,
  });
  const events = feed.data === undefined ? [] : eventsWithin(feed.data, new Date(), DAYS_SHOWN);
  return (
    <section className="stack" aria-labelledby="public-events-heading">
      <h2 className="public-heading" id="public-events-heading">
        {heading}
      </h2>
      {feed.isPending ? (
        <PageLoading />
      ) : feed.isError ? (
        <p className="muted">{t('public.feedFailed')}</p>
      ) : events.length === 0 ? (
        <EmptyState text={nothing} />
      ) : (
        <ul className="public-events">
          {events.map((event) => (
            <li key={event.uid} className="card">
              <span className="strong">{event.title}</span>
              <span>{formatRange(event.startsAt, event.endsAt, timeZone, language)}</span>
              {event.location && <span className="muted">{event.location}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A public feed's QR code and links, for a resident to subscribe once on the phone. */
export function SubscribeFeed({ feedPath }: { feedPath: string }) {
  const { t } = useI18n();
  const links = feedLinks(window.location.origin, feedPath);
  return (
    <section className="card stack" aria-labelledby="public-subscribe-heading">
      <h2 className="public-heading" id="public-subscribe-heading">
        {t('public.subscribe.title')}
      </h2>
      <p className="muted">{t('public.subscribe.intro')}</p>
      <div className="public-qr">
        <QRCode value={links.https} size={200} bordered={false} aria-label={t('public.subscribe.qrAlt')} />
      </div>
      <a className="tap-link" href={links.webcal}>
        {t('public.subscribe.webcal')}
      </a>
      <p className="public-address">
        {t('public.subscribe.https')}: <a href={links.https}>{links.https}</a>
      </p>
    </section>
  );
}
