import { formatTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import type { Translate } from '../../i18n/translate';
import { filledOf, shiftState, type RotaShift, type ShiftState } from './rota-board';

/** The state in words: 已满, 已取消, 缺 2 人, or 急缺人 · 缺 2 人 within two days of the start. */
export function stateLabel(shift: RotaShift, state: ShiftState, t: Translate): string {
  const missing = t('rota.missing', { count: shift.unfilled });
  if (state === 'unfilled') return missing;
  if (state === 'at-risk') return `${t('rota.state.at-risk')} · ${missing}`;
  return t(`rota.state.${state}`);
}

/** One shift on the board: title, time, filled/capacity and its state in words and colour. */
export function RotaShiftCard({ shift, now, onOpen }: { shift: RotaShift; now: Date; onOpen: () => void }) {
  const { t } = useI18n();
  const state = shiftState(shift, now);
  return (
    <button type="button" className={`rota-card rota-${state}`} onClick={onOpen}>
      <span className="rota-card-title">{shift.title}</span>
      <span>
        {formatTime(shift.startsAt, shift.timeZone)}–{formatTime(shift.endsAt, shift.timeZone)}
      </span>
      <span className="rota-card-count">
        {t('rota.filled', { filled: filledOf(shift), capacity: shift.capacity })}
      </span>
      <span className={`rota-state rota-state-${state}`}>{stateLabel(shift, state, t)}</span>
    </button>
  );
}
