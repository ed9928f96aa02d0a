import { useState } from 'react';
import { Segmented } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useMe } from '../api/session';
import { formatHours, formatLocalDate, localDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { EmptyState, PageError, PageHeader, PageLoading } from '../layout/page-state';

type Year = 'this' | 'last';

/** The volunteer's own service hours (the API shows a volunteer only themselves). */
export default function HoursPage() {
  const { t, language } = useI18n();
  const me = useMe();
  const [year, setYear] = useState<Year>('this');
  const thisYear = Number(localDate(new Date(), me?.community.timeZone ?? 'Asia/Shanghai').slice(0, 4));
  // This year: the API's default period, 1 January to today in the community's zone.
  const period = year === 'this' ? {} : { from: `${thisYear - 1}-01-01`, to: `${thisYear - 1}-12-31` };
  const report = useQuery({
    queryKey: ['hours', year],
    queryFn: () => unwrap(api.GET('/api/v1/hours', { params: { query: { groupBy: 'person', ...period } } })),
  });
  const mine = report.data?.rows.find((row) => row.personId === me?.person?.id) ?? report.data?.rows[0];
  return (
    <>
      <PageHeader title={t('hours.title')} />
      <Segmented<Year>
        block
        size="large"
        value={year}
        onChange={setYear}
        options={[
          { value: 'this', label: t('hours.thisYear') },
          { value: 'last', label: t('hours.lastYear') },
        ]}
        style={{ marginBottom: 16 }}
      />
      {report.isPending ? (
        <PageLoading />
      ) : report.isError ? (
        <PageError error={report.error} onRetry={() => report.refetch()} />
      ) : (
        <div className="stack">
          <p className="muted">
            {t('hours.period', {
              from: formatLocalDate(report.data.period.from, language),
              to: formatLocalDate(report.data.period.to, language),
            })}
          </p>
          {!mine || mine.totalMinutes === 0 ? (
            <EmptyState text={t('hours.none')} />
          ) : (
            <div className="card">
              <div className="stat-grid">
                <Stat
                  label={t('hours.total')}
                  value={t('hours.unit', { hours: formatHours(mine.totalHours) })}
                />
                <Stat label={t('hours.shifts')} value={String(mine.shiftsCompleted)} />
                <Stat
                  label={t('hours.credited')}
                  value={t('hours.unit', { hours: formatHours(mine.creditedHours) })}
                />
                <Stat
                  label={t('hours.adjusted')}
                  value={t('hours.unit', { hours: formatHours(mine.adjustmentHours) })}
                />
              </div>
            </div>
          )}
        </div>
      )}
    </>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <span className="muted">{label}</span>
      <div className="stat-value">{value}</div>
    </div>
  );
}
