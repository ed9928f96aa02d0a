import { useState } from 'react';
import { Alert, Button, Segmented, Table } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { problemFrom, problemMessage } from '../../api/problem';
import { useMe } from '../../api/session';
import type { components } from '../../api/schema';
import { formatHours, formatLocalDate, localDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { PageError, PageHeader } from '../../layout/page-state';
import { downloadName, reportPeriod, type ReportPeriodChoice } from './report-period';
import { TableRegion } from './table-region';

type PersonHours = components['schemas']['PersonHoursReportDto_Output']['rows'][number];
type FileFormat = 'csv' | 'xlsx';

/** Hands the browser a file to save (the API answers it only with the organiser's token). */
function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 服务时长报表: everyone's hours for a period, and the same report as CSV or Excel to file away. */
export default function HoursReportPage() {
  const { t, language } = useI18n();
  const me = useMe();
  const [choice, setChoice] = useState<ReportPeriodChoice>('thisMonth');
  const today = localDate(new Date(), me?.community.timeZone ?? 'Asia/Shanghai');
  const period = reportPeriod(choice, today);
  const report = useQuery({
    queryKey: ['admin', 'hours', period.from, period.to],
    queryFn: () => unwrap(api.GET('/api/v1/hours', { params: { query: { ...period, groupBy: 'person' } } })),
  });
  const download = useMutation({
    mutationFn: async (format: FileFormat) => {
      const { data, response } = await api.GET('/api/v1/hours', {
        params: { query: { ...period, groupBy: 'person', format } },
        parseAs: 'blob',
      });
      if (!response.ok || !data) throw problemFrom(response.status, await response.json().catch(() => ({})));
      save(
        data as Blob,
        downloadName(
          response.headers.get('content-disposition'),
          `hours_${period.from}_${period.to}.${format}`,
        ),
      );
    },
  });

  return (
    <>
      <PageHeader title={t('hoursReport.title')} intro={t('hoursReport.intro')} />
      <div className="admin-toolbar">
        <Segmented<ReportPeriodChoice>
          size="large"
          value={choice}
          onChange={setChoice}
          options={(['thisMonth', 'lastMonth', 'thisYear', 'lastYear'] as const).map((value) => ({
            value,
            label: t(`hoursReport.period.${value}`),
          }))}
        />
        <Button
          size="large"
          loading={download.isPending && download.variables === 'xlsx'}
          onClick={() => download.mutate('xlsx')}
        >
          {t('hoursReport.downloadXlsx')}
        </Button>
        <Button
          size="large"
          loading={download.isPending && download.variables === 'csv'}
          onClick={() => download.mutate('csv')}
        >
          {t('hoursReport.downloadCsv')}
        </Button>
      </div>
      {download.isError && (
        <Alert type="error" showIcon title={problemMessage(download.error, t)} style={{ marginBottom: 16 }} />
      )}
      {report.isError ? (
        <PageError error={report.error} onRetry={() => report.refetch()} />
      ) : (
        <div className="stack">
          <p className="muted">
            {t('hoursReport.summary', {
              from: formatLocalDate(period.from, language),
              to: formatLocalDate(period.to, language),
              people: report.data?.totals.people ?? 0,
              hours: formatHours(report.data?.totals.totalHours ?? 0),
            })}
          </p>
          <TableRegion label={t('hoursReport.title')}>
            <Table<PersonHours>
              rowKey="personId"
              loading={report.isPending}
              dataSource={report.data?.rows}
              pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
              locale={{ emptyText: t('hoursReport.empty') }}
              columns={[
                { title: t('people.name'), dataIndex: 'name' },
                { title: t('people.phone'), dataIndex: 'phone', render: (phone) => phone ?? t('admin.none') },
                {
                  title: t('organisations.title'),
                  dataIndex: 'organisations',
                  render: (names: string[]) => (names.length ? names.join('、') : t('admin.none')),
                },
                { title: t('hoursReport.shifts'), dataIndex: 'shiftsCompleted', align: 'right' },
                {
                  title: t('hoursReport.hours'),
                  dataIndex: 'totalHours',
                  align: 'right',
                  render: (hours: number) => formatHours(hours),
                },
              ]}
            />
          </TableRegion>
        </div>
      )}
    </>
  );
}
