/** Calendar-day arithmetic on `2026-12-07` strings (a day needs no zone; the API names the week's days). */

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return moved.toISOString().slice(0, 10);
}

/** The Monday of the week a day falls in (weeks run Monday to Sunday in China). */
export function mondayOf(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7; // 0 Monday
  return addDays(date, -weekday);
}

/** `2026-12-07` when it is a real calendar day, else undefined (a hand-typed address). */
export function parseDay(text: string | null): string | undefined {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  return addDays(text, 0) === text ? text : undefined;
}
