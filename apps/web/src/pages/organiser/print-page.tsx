import { useEffect } from 'react';
import { Button } from 'antd';
import { useSearchParams } from 'react-router';
import { useMe } from '../../api/session';
import { formatLocalDate, formatTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { EmptyState, PageError, PageHeader, PageLoading } from '../../layout/page-state';
import { boardRows, type Rota } from './rota-board';
import { OrganiserOnly } from './organiser-only';
import { useRota } from './rota-query';
import { WeekSwitcher } from './rota-page';
import { parseDay } from './week';
import './organiser.css';

/**
 * The week for the notice board: A4 landscape (organiser.css, `@media print`), one
 * column per day, names only (no phone numbers on a public wall), and how many are still needed.
 */
export default function PrintPage() {
  return (
    <OrganiserOnly>
      <PrintWeek />
    </OrganiserOnly>
  );
}

function PrintWeek() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const rota = useRota(parseDay(params.get('from')));
  useEffect(() => {
    document.documentElement.classList.add('printing-rota');
    return () => document.documentElement.classList.remove('printing-rota');
  }, []);
  return (
    <div className="wide-page">
      <div className="no-print">
        <PageHeader title={t('print.title')} intro={t('print.intro')} />
      </div>
      {rota.isPending ? (
        <PageLoading />
      ) : rota.isError ? (
        <PageError error={rota.error} onRetry={() => rota.refetch()} />
      ) : (
        <PrintSheet rota={rota.data} />
      )}
    </div>
  );
}

function PrintSheet({ rota }: { rota: Rota }) {
  const { t, language } = useI18n();
  const me = useMe();
  const rows = boardRows(rota);
  return (
    <>
      <div className="rota-toolbar no-print">
        <WeekSwitcher rota={rota} path="/organiser/print" />
        <Button type="primary" size="large" onClick={() => window.print()}>
          {t('print.button')}
        </Button>
      </div>
      <article className="print-sheet">
        <h2 className="print-heading">
          {t('print.heading', {
            community: me?.community.name ?? '',
            from: formatLocalDate(rota.from, language),
            to: formatLocalDate(rota.to, language),
          })}
        </h2>
        {rows.length === 0 ? (
          <EmptyState text={t('rota.empty')} />
        ) : (
          <table className="print-table">
            <thead>
              <tr>
                <th scope="col">{t('rota.place')}</th>
                {rota.days.map((day) => (
                  <th scope="col" key={day.date}>
                    {formatLocalDate(day.date, language)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.place}>
                  <th scope="row">{row.place || t('rota.noPlace')}</th>
                  {row.cells.map((shifts, column) => (
                    <td key={rota.days[column].date}>
                      {shifts
                        .filter((shift) => shift.status === 'open')
                        .map((shift) => (
                          <div key={shift.id} className="print-shift">
                            <div className="strong">
                              {formatTime(shift.startsAt, shift.timeZone)}–
                              {formatTime(shift.endsAt, shift.timeZone)} {shift.title}
                            </div>
                            <div>
                              {shift.people
                                .filter((person) => person.status !== 'waitlisted')
                                .map((person) => person.name)
                                .join('、')}
                            </div>
                            {shift.unfilled > 0 && <div>{t('print.missing', { count: shift.unfilled })}</div>}
                          </div>
                        ))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </article>
    </>
  );
}
