import { Alert, Button, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { problemMessage } from '../../api/problem';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n/i18n';
import { PageHeader } from '../../layout/page-state';
import { CalendarHelp } from './calendar-help';

type Issued = components['schemas']['IssuedSubscriptionDto_Output'];

/**
 * The volunteer's own feed: its URL exists only in the answer that creates it (the server keeps a
 * hash), so the page shows it once, as a QR code and as links, and never stores it.
 */
export default function CalendarPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const existing = useQuery({
    queryKey: ['calendar-subscriptions'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/calendar-subscriptions', { params: { query: { pageSize: 100 } } })),
  });
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/calendar-subscriptions', {
          body: { scope: { kind: 'person' }, label: t('calendar.label') },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['calendar-subscriptions'] }),
  });
  const count =
    existing.data?.items.filter((subscription) => subscription.scope.kind === 'person').length ?? 0;
  return (
    <>
      <PageHeader title={t('calendar.title')} intro={t('calendar.intro')} />
      <div className="stack">
        {create.data ? (
          <IssuedLinks issued={create.data} />
        ) : (
          <div className="card">
            {count > 0 && <p>{t('calendar.existing', { count })}</p>}
            <Button
              type="primary"
              size="large"
              block
              loading={create.isPending}
              onClick={() => create.mutate()}
            >
              {t(count > 0 ? 'calendar.createAnother' : 'calendar.create')}
            </Button>
            {create.isError && (
              <Alert
                type="error"
                showIcon
                style={{ marginTop: 12 }}
                title={problemMessage(create.error, t)}
              />
            )}
          </div>
        )}
        <CalendarHelp />
      </div>
    </>
  );
}

function IssuedLinks({ issued }: { issued: Issued }) {
  const { t } = useI18n();
  return (
    <div className="card">
      <p className="strong">{t('calendar.scan')}</p>
      <img className="qr" src={issued.qrPng} alt={t('calendar.qrAlt')} width={240} height={240} />
      <Button type="primary" size="large" block href={issued.webcalUrl}>
        {t('calendar.openHere')}
      </Button>
      <LinkLine label={t('calendar.httpsLink')} url={issued.url} />
      <LinkLine label={t('calendar.webcalLink')} url={issued.webcalUrl} />
      <p>
        <a className="tap-link" href={issued.googleCalendarUrl} target="_blank" rel="noreferrer">
          {t('calendar.google')}
        </a>
      </p>
      <Alert type="warning" showIcon title={t('calendar.secret')} />
    </div>
  );
}

function LinkLine({ label, url }: { label: string; url: string }) {
  const { t } = useI18n();
  return (
    <div style={{ marginTop: 12 }}>
      <span className="muted">{label}</span>
      <Typography.Paragraph
        copyable={{ text: url, tooltips: [t('common.copy'), t('common.copied')] }}
        style={{ wordBreak: 'break-all', marginBottom: 0 }}
        code
      >
        {url}
      </Typography.Paragraph>
    </div>
  );
}
