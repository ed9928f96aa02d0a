import { Alert, Button } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { EmptyState, PageError, PageHeader, PageLoading } from '../../layout/page-state';
import { MyShiftCard } from './my-shift-card';
import { splitMyShifts, useMyShifts } from './my-shifts-data';

export default function MyShiftsPage() {
  const { t } = useI18n();
  const shifts = useMyShifts();
  const { upcoming, past } = splitMyShifts(shifts.data?.items ?? [], Date.now());
  return (
    <>
      <PageHeader title={t('my.title')} />
      {shifts.isPending ? (
        <PageLoading />
      ) : shifts.isError ? (
        <PageError error={shifts.error} onRetry={() => shifts.refetch()} />
      ) : upcoming.length === 0 && past.length === 0 ? (
        <EmptyState text={t('my.empty')}>
          <Link to="/shifts">
            <Button type="primary" size="large">
              {t('my.findShifts')}
            </Button>
          </Link>
        </EmptyState>
      ) : (
        <>
          {shifts.data.truncated && <Alert type="info" title={t('my.truncated')} />}
          <h2 className="day-heading">{t('my.upcoming')}</h2>
          {upcoming.length === 0 ? (
            <EmptyState text={t('my.noneUpcoming')}>
              <Link to="/shifts">
                <Button type="primary" size="large">
                  {t('my.findShifts')}
                </Button>
              </Link>
            </EmptyState>
          ) : (
            <div className="stack">
              {upcoming.map((item) => (
                <MyShiftCard key={item.claimId} item={item} upcoming />
              ))}
            </div>
          )}
          {past.length > 0 && (
            <>
              <h2 className="day-heading">{t('my.past')}</h2>
              <div className="stack">
                {past.map((item) => (
                  <MyShiftCard key={item.claimId} item={item} />
                ))}
              </div>
            </>
          )}
        </>
      )}
    </>
  );
}
