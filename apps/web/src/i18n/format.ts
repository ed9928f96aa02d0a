import type { Language } from './language';

/**
 * Dates as people in the community read them, always in the community's zone (a volunteer's phone
 * set to another zone still sees the time on the notice board): 中文 `12月7日 周一 09:00`,
 * English `Mon 7 Dec 09:00`. Built from Intl parts so the shape does not depend on the
 * browser's locale data.
 */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  /** 1 Monday … 7 Sunday */
  weekday: number;
  hour: number;
  minute: number;
}

const WEEKDAYS: Record<Language, readonly string[]> = {
  'zh-CN': ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAY_NUMBER: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function zonedParts(instant: Date | string, timeZone: string): ZonedParts {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(part('year')),
    month: Number(part('month')),
    day: Number(part('day')),
    weekday: WEEKDAY_NUMBER[part('weekday')] ?? 1,
    hour: Number(part('hour')) % 24,
    minute: Number(part('minute')),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-12-07`: the community's calendar day of an instant (for grouping and filters). */
export function localDate(instant: Date | string, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** `12月7日 周一` / `Mon 7 Dec` */
export function formatDay(instant: Date | string, timeZone: string, language: Language): string {
  return dayOf(zonedParts(instant, timeZone), language);
}

/** The same for a calendar day written `2026-12-07` (a day needs no zone). */
export function formatLocalDate(date: string, language: Language): string {
  const [year, month, day] = date.split('-').map(Number);
  const weekday = ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
  return dayOf({ year, month, day, weekday, hour: 0, minute: 0 }, language);
}

/** `09:00` */
export function formatTime(instant: Date | string, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** `12月7日 周一 09:00` / `Mon 7 Dec 09:00` */
export function formatDateTime(instant: Date | string, timeZone: string, language: Language): string {
  return `${formatDay(instant, timeZone, language)} ${formatTime(instant, timeZone)}`;
}

/**
 * `12月7日 周一 09:00–11:00`; a range over midnight names both days:
 * `12月7日 周一 22:00 – 12月8日 周二 02:00`.
 */
export function formatRange(
  start: Date | string,
  end: Date | string,
  timeZone: string,
  language: Language,
): string {
  if (localDate(start, timeZone) === localDate(end, timeZone)) {
    return `${formatDateTime(start, timeZone, language)}–${formatTime(end, timeZone)}`;
  }
  return `${formatDateTime(start, timeZone, language)} – ${formatDateTime(end, timeZone, language)}`;
}

/** Hours with at most one decimal: `3.5` */
export function formatHours(hours: number): string {
  return String(Math.round(hours * 10) / 10);
}

function dayOf(p: ZonedParts, language: Language): string {
  const weekday = WEEKDAYS[language][p.weekday - 1];
  return language === 'zh-CN'
    ? `${p.month}月${p.day}日 ${weekday}`
    : `${weekday} ${p.day} ${MONTHS_EN[p.month - 1]}`;
}
