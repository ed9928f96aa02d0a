/** The report periods the hours page offers, as calendar days in the community's zone. */
export type ReportPeriodChoice = 'thisMonth' | 'lastMonth' | 'thisYear' | 'lastYear';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** `today` is `YYYY-MM-DD` in the community's zone; both ends are included, as the API counts them. */
export function reportPeriod(choice: ReportPeriodChoice, today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (choice) {
    case 'thisMonth':
      return { from: `${year}-${pad(month)}-01`, to: today };
    case 'lastMonth': {
      const y = month === 1 ? year - 1 : year;
      const m = month === 1 ? 12 : month - 1;
      return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDayOf(y, m))}` };
    }
    case 'thisYear':
      return { from: `${year}-01-01`, to: today };
    case 'lastYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}

/** The file name the API gives (RFC 6266 `filename*`, UTF-8), else `fallback`. */
export function downloadName(contentDisposition: string | null, fallback: string): string {
  const encoded = contentDisposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      return fallback;
    }
  }
  return contentDisposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}
