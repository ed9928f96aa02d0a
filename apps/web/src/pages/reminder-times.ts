import type { Translate } from '../i18n/translate';

/** Offsets a volunteer picks from (minutes before the start); a value set elsewhere is shown too. */
export const OFFSET_CHOICES = [15, 30, 60, 120, 180, 1440, 2880] as const;
export const MAX_OFFSETS = 5;

export function offsetChoices(current: readonly number[]): number[] {
  return [...new Set([...OFFSET_CHOICES, ...current])].sort((a, b) => a - b);
}

/** `2 小时` / `1 天` / `45 分钟`: the largest unit that divides the offset. */
export function offsetLabel(minutes: number, t: Translate): string {
  if (minutes % 1440 === 0) {
    return minutes === 1440 ? t('reminders.oneDay') : t('reminders.days', { count: minutes / 1440 });
  }
  if (minutes % 60 === 0) {
    return minutes === 60 ? t('reminders.oneHour') : t('reminders.hours', { count: minutes / 60 });
  }
  return t('reminders.minutes', { count: minutes });
}

/** Every half hour of the day, `00:00` … `23:30`, plus the current value if it is not on one. */
export function quietTimes(current: string[]): string[] {
  const times = Array.from(
    { length: 48 },
    (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
  );
  return [...new Set([...times, ...current])].sort();
}
