/** Holiday data is kept for these years only: wide enough for history and planning, narrow enough to bound work. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-10-01` and a real calendar day (not 2026-02-30). */
export function isLocalDate(text: string): boolean {
  const match = LOCAL_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

const DAY_MS = 86_400_000;

/** The local date `days` after `date` (calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Every date of a year, 1 January to 31 December. */
export function datesOfYear(year: number): string[] {
  const first = `${String(year).padStart(4, '0')}-01-01`;
  const count = daysBetween(first, `${String(year + 1).padStart(4, '0')}-01-01`);
  return Array.from({ length: count }, (_, i) => addDays(first, i));
}
