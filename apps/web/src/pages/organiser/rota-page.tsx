import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatLocalDate, formatRange } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { EmptyState, PageError, PageHeader, PageLoading } from '../../layout/page-state';
import { boardRows, shiftState, shiftsToFill, type Rota } from './rota-board';
import { OrganiserOnly } from './organiser-only';
import { useRota } from './rota-query';
import { RotaShiftCard, stateLabel } from './shift-card';
import { ShiftDetail } from './shift-detail';
import { addDays, parseDay } from './week';
import './organiser.css';

/** The organiser's week: days × places, what is still missing first, a person added from a card. */
export default function RotaPage() {
  return (
    <OrganiserOnly>
      <RotaBoard />
    </OrganiserOnly>
  );
}

function RotaBoard() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const rota = useRota(parseDay(params.get('from')));
  return (
    <div className="wide-page">
      <PageHeader title={t('rota.title')} intro={t('rota.intro')} />
      {rota.isPending ? (
        <PageLoading />
      ) : rota.isError ? (
        <PageError error={rota.error} onRetry={() => rota.refetch()} />
      ) : (
        <Week rota={rota.data} />
      )}
    </div>
  );
}

export function WeekSwitcher({ rota, path }: { rota: Rota; path: string }) {
  const { t, language } = useI18n();
  return (
    <nav className="week-switcher" aria-label={t('rota.weekSwitcher')}>
      <Link className="link-button-like" to={`${path}?from=${addDays(rota.from, -7)}`}>
        {t('rota.previousWeek')}
      </Link>
      <span className="week-label">
        {t('rota.week', {
          from: formatLocalDate(rota.from, language),
          to: formatLocalDate(rota.to, language),
        })}
      </span>
      <Link className="link-button-like" to={`${path}?from=${addDays(rota.from, 7)}`}>
        {t('rota.nextWeek')}
      </Link>
      <Link className="link-button-like quiet" to={path}>
        {t('rota.thisWeek')}
      </Link>
    </nav>
  );
}

function Week({ rota }: { rota: Rota }) {
  const { t, language } = useI18n();
  // The states (at risk: within two days) are read against the time the board was loaded.
  const now = useMemo(() => new Date(), [rota]);
  const [openId, setOpenId] = useState<string>();
  const rows = boardRows(rota);
  const toFill = shiftsToFill(rota);
  const open = rota.days.flatMap((day) => day.shifts).find((shift) => shift.id === openId);
  return (
    <>
      <div className="rota-toolbar">
        <WeekSwitcher rota={rota} path="/organiser/rota" />
        <Link className="link-button-like primary" to={`/organiser/print?from=${rota.from}`}>
          {t('rota.print')}
        </Link>
      </div>
      {rows.length === 0 ? (
        <EmptyState text={t('rota.empty')} />
      ) : (
        <>
          <p>{t('rota.totals', rota.totals)}</p>
          <section aria-labelledby="to-fill" className="card">
            <h2 className="section-heading" id="to-fill">
              {t('rota.toFill')}
            </h2>
            {toFill.length === 0 ? (
              <p>{t('rota.toFillNone')}</p>
            ) : (
              <ul className="plain-list to-fill">
                {toFill.map((shift) => (
                  <li key={shift.id}>
                    <button type="button" className="link-button" onClick={() => setOpenId(shift.id)}>
                      {shift.title}
                    </button>{' '}
                    {formatRange(shift.startsAt, shift.endsAt, shift.timeZone, language)} ·{' '}
                    <span className={`rota-state rota-state-${shiftState(shift, now)}`}>
                      {stateLabel(shift, shiftState(shift, now), t)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <div className="rota-scroll">
            <table className="rota-table">
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
                        {shifts.map((shift) => (
                          <RotaShiftCard
                            key={shift.id}
                            shift={shift}
                            now={now}
                            onOpen={() => setOpenId(shift.id)}
                          />
                        ))}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <ShiftDetail shift={open} onClose={() => setOpenId(undefined)} />
    </>
  );
}
