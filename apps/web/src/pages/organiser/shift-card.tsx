import { formatTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { filledOf, shiftState, type RotaShift } from './rota-board';

/** One shift on the board: title, time, filled/capacity and its state in words and colour. */
export function RotaShiftCard({ shift, now, onOpen }: { shift: RotaShift; now: Date; onOpen: () => void }) {
  const { t } = useI18n();
  const state = shiftState(shift, now);
  return (
    <button
      type="button"
      className={`rota-card rota-${state}`}
      onClick={onOpen}
      aria-label={t('rota.open', { title: `${shift.title} ${formatTime(shift.startsAt, shift.timeZone)}` })}
    >
      <span className="rota-card-title">{shift.title}</span>
      <span>
        {formatTime(shift.startsAt, shift.timeZone)}–{formatTime(shift.endsAt, shift.timeZone)}
      </span>
      <span className="rota-card-count">
        {t('rota.filled', { filled: filledOf(shift), capacity: shift.capacity })}
      </span>
      <span className={`rota-state rota-state-${state}`}>
        {t(`rota.state.${state}`)}
        {state !== 'full' && state !== 'cancelled'
          ? ` · ${t('rota.missing', { count: shift.unfilled })}`
          : ''}
      </span>
    </button>
  );
}
