import { useMemo, useState } from 'react';
import { Alert } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { formatLocalDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { EmptyState, PageError, PageHeader, PageLoading } from '../../layout/page-state';
import { NO_FILTER, filterChoices, filterShifts, groupByDay, type ShiftFilter } from './shift-filters';
import { ShiftFilters } from './shift-filters-form';
import { OpenShiftCard } from './open-shift-card';
import { OPEN_SHIFTS_LIMIT, openShiftsQuery } from './open-shifts-query';
import { useEstateNames } from '../estates';

/** Shifts the volunteer can take now (the API runs the claim rules), by day, place and skill. */
export default function OpenShiftsPage() {
  const { t, language } = useI18n();
  const [filter, setFilter] = useState<ShiftFilter>(NO_FILTER);
  const open = useQuery(openShiftsQuery);
  const estateNames = useEstateNames();
  const items = useMemo(() => open.data?.items ?? [], [open.data]);
  const choices = useMemo(() => filterChoices(items, estateNames), [items, estateNames]);
  const days = groupByDay(filterShifts(items, filter, estateNames));

  return (
    <>
      <PageHeader title={t('shifts.title')} intro={`${t('shifts.intro')} ${t('shifts.cutoffGeneral')}`} />
      {open.isPending ? (
        <PageLoading />
      ) : open.isError ? (
        <PageError error={open.error} onRetry={() => open.refetch()} />
      ) : (
        <>
          <ShiftFilters filter={filter} choices={choices} onChange={setFilter} />
          {open.data.truncated && (
            <Alert type="info" title={t('shifts.truncated', { count: OPEN_SHIFTS_LIMIT })} />
          )}
          {days.length === 0 ? (
            <EmptyState text={items.length === 0 ? t('shifts.empty') : t('shifts.emptyFiltered')} />
          ) : (
            days.map((group) => (
              <section key={group.day} aria-labelledby={`day-${group.day}`}>
                <h2 className="day-heading" id={`day-${group.day}`}>
                  {formatLocalDate(group.day, language)}
                </h2>
                <div className="stack">
                  {group.shifts.map((shift) => (
                    <OpenShiftCard key={shift.id} shift={shift} estateNames={estateNames} />
                  ))}
                </div>
              </section>
            ))
          )}
        </>
      )}
    </>
  );
}
