import { DomainError } from '@linli/platform/domain-error';
import { minutesToHours } from './attendance';

const DAY = 24 * 3600_000;

/** A report covers at most a year (a leap year's 366 days): enough for annual records, bounded. */
export const MAX_REPORT_DAYS = 366;

/** A period of whole days in the community's zone, both ends included: 2026-12-01 to 2026-12-31. */
export interface ReportPeriod {
  from: string;
  to: string;
}

const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY;

/** Whether text is a real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

export function assertReportPeriod(period: ReportPeriod): void {
  const days = dayNumber(period.to) - dayNumber(period.from) + 1;
  if (days < 1) {
    throw new DomainError('VALIDATION_FAILED', 'to must not be before from', [
      { field: 'to', message: 'before from' },
    ]);
  }
  if (days > MAX_REPORT_DAYS) {
    throw new DomainError('VALIDATION_FAILED', `a report covers at most ${MAX_REPORT_DAYS} days`, [
      { field: 'to', message: `at most ${MAX_REPORT_DAYS} days after from` },
    ]);
  }
}

/** `2026-12` for a whole calendar month, `2026` for a whole year, else `2026-12-01_2026-12-15`. */
export function periodLabel(period: ReportPeriod): string {
  const { from, to } = period;
  const nextDay = new Date((dayNumber(to) + 1) * DAY).toISOString().slice(0, 10);
  if (from.endsWith('-01-01') && to.endsWith('-12-31') && from.slice(0, 4) === to.slice(0, 4))
    return from.slice(0, 4);
  if (from.endsWith('-01') && from.slice(0, 7) === to.slice(0, 7) && nextDay.endsWith('-01'))
    return from.slice(0, 7);
  return `${from}_${to}`;
}

/** Minutes a person or organisation served in the period, before and after manual adjustments. */
export interface HoursTotals {
  shiftsCompleted: number;
  creditedMinutes: number;
  adjustmentMinutes: number;
}

export function withTotals<T extends HoursTotals>(
  row: T,
): T & { totalMinutes: number; creditedHours: number; adjustmentHours: number; totalHours: number } {
  const totalMinutes = row.creditedMinutes + row.adjustmentMinutes;
  return {
    ...row,
    totalMinutes,
    creditedHours: minutesToHours(row.creditedMinutes),
    adjustmentHours: minutesToHours(row.adjustmentMinutes),
    totalHours: minutesToHours(totalMinutes),
  };
}

const chinese = new Intl.Collator('zh-CN');

/**
 * Rows in the order of a paper register: names by pinyin (成员 before 志愿者), whatever the
 * database's collation, then by id so equal names keep a stable order.
 */
export function byChineseName<T extends { name: string; id: string }>(a: T, b: T): number {
  return chinese.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
