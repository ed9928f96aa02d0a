import { useState } from 'react';
import { Button, Segmented } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { problemMessage } from '../../api/problem';
import type { components } from '../../api/schema';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { useToasts } from '../../layout/feedback';
import { PageHeader } from '../../layout/page-state';
import { QueryTable } from './table-region';

type Message = components['schemas']['OutboxPageDto_Output']['items'][number];
type Status = Message['status'];
type Filter = Status | 'all';

const FILTERS: Filter[] = ['all', 'failed', 'pending', 'sending', 'sent', 'cancelled'];
const PAGE_SIZE = 20;

/** 发件箱: every mail the community sent or will send, what failed and why; a failed one sent again. */
export default function OutboxPage() {
  const { t, language } = useI18n();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const outbox = useQuery({
    queryKey: ['admin', 'outbox', filter, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/outbox', {
          params: {
            query: { page, pageSize: PAGE_SIZE, status: filter === 'all' ? undefined : filter },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const retry = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/outbox/{id}/retry', { params: { path: { id } } })),
    onSuccess: async () => {
      void toasts.success(t('outbox.retried'));
      await queryClient.invalidateQueries({ queryKey: ['admin', 'outbox'] });
    },
    onError: (error) => void toasts.error(problemMessage(error, t)),
  });

  return (
    <>
      <PageHeader title={t('outbox.title')} intro={t('outbox.intro')} />
      <div className="admin-toolbar">
        <Segmented<Filter>
          size="large"
          value={filter}
          onChange={(value) => {
            setFilter(value);
            setPage(1);
          }}
          options={FILTERS.map((value) => ({ value, label: t(`outbox.status.${value}`) }))}
        />
      </div>
      <QueryTable<Message>
        label={t('outbox.title')}
        query={outbox}
        locale={{ emptyText: t('outbox.empty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: outbox.data?.total,
          onChange: setPage,
          showSizeChanger: false,
          hideOnSinglePage: true,
        }}
        columns={[
          {
            title: t('outbox.when'),
            key: 'when',
            render: (_, m) => formatDateTime(m.sentAt ?? m.availableAt, m.timeZone, language),
          },
          { title: t('outbox.recipient'), dataIndex: 'recipientEmail' },
          { title: t('outbox.subject'), dataIndex: 'subject' },
          {
            title: t('outbox.statusLabel'),
            dataIndex: 'status',
            render: (status: Status) => (
              <span className={`outbox-status outbox-status-${status}`}>{t(`outbox.status.${status}`)}</span>
            ),
          },
          {
            title: t('outbox.why'),
            key: 'why',
            render: (_, m) =>
              m.lastError ? (
                <span className="outbox-error">
                  {m.lastError}
                  {m.attempts > 0 && ` · ${t('outbox.attempts', { count: m.attempts })}`}
                </span>
              ) : (
                t('admin.none')
              ),
          },
          {
            title: t('people.actions'),
            key: 'actions',
            render: (_, m) =>
              m.status === 'failed' ? (
                <Button
                  loading={retry.isPending && retry.variables === m.id}
                  onClick={() => retry.mutate(m.id)}
                  aria-label={`${t('outbox.retry')}: ${m.subject}`}
                >
                  {t('outbox.retry')}
                </Button>
              ) : null,
          },
        ]}
      />
    </>
  );
}
