import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useMe } from '../../api/session';
import { formatHours, formatLocalDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { EmptyState, PageError, PageHeader, PageLoading } from '../../layout/page-state';
import './coordinator.css';

/** 协调员: this year's service hours of my organisation's members (the API shows a coordinator only them). */
export default function CoordinatorHoursPage() {
  const { t, language } = useI18n();
  const me = useMe();
  const report = useQuery({
    queryKey: ['coordinator', 'hours'],
    // The API's default period: 1 January to today in the community's zone.
    queryFn: () => unwrap(api.GET('/api/v1/hours', { params: { query: { groupBy: 'person' } } })),
  });
  const organisation = me?.organisation?.name ?? '';
  return (
    <>
      <PageHeader
        title={t('coordinator.hours.title')}
        intro={t('coordinator.hours.intro', { organisation })}
      />
      {report.isPending ? (
        <PageLoading />
      ) : report.isError ? (
        <PageError error={report.error} onRetry={() => report.refetch()} />
      ) : (
        <div className="stack">
          <p className="muted">
            {t('coordinator.hours.period', {
              from: formatLocalDate(report.data.period.from, language),
              to: formatLocalDate(report.data.period.to, language),
            })}
          </p>
          {report.data.rows.length === 0 ? (
            <EmptyState text={t('coordinator.hours.none')} />
          ) : (
            <div className="table-scroll card">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('coordinator.hours.name')}</th>
                    <th scope="col" className="number">
                      {t('coordinator.hours.shifts')}
                    </th>
                    <th scope="col" className="number">
                      {t('coordinator.hours.hours')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.data.rows.map((row) => (
                    <tr key={row.personId}>
                      <th scope="row">{row.name}</th>
                      <td className="number">{row.shiftsCompleted}</td>
                      <td className="number">{formatHours(row.totalHours)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('coordinator.hours.total')}</th>
                    <td className="number">{report.data.totals.shiftsCompleted}</td>
                    <td className="number">{formatHours(report.data.totals.totalHours)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
        </div>
      )}
    </>
  );
}
