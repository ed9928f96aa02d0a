import type { components } from '../../api/schema';

export type HolidayPolicy = components['schemas']['CreateShiftSeriesRequest']['holidayPolicy'];
export type Repeat = 'weekly' | 'daily' | 'lunar-yearly';

/** What the organiser fills in; the RRULE is built from it, never typed by hand. */
export interface SeriesForm {
  title: string;
  locationText: string;
  capacity: number;
  /** `2026-12-07` */
  firstDay: string;
  /** `08:30` */
  startTime: string;
  durationMinutes: number;
  repeat: Repeat;
  /** 1 Monday … 7 Sunday; weekly only (empty: the first day's weekday) */
  weekdays: number[];
  /** how many times */
  count: number;
  holidayPolicy: HolidayPolicy;
}

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/**
 * The RFC 5545 rule and first start of a form, or undefined while it is incomplete. A lunar-yearly
 * series (重阳节, the 9th of the 9th lunar month) keeps the lunar date of its first day
 * (RSCALE=CHINESE, ADR 0010).
 */
export function seriesRule(form: SeriesForm): { rrule: string; dtstart: string } | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.firstDay) || !/^\d{2}:\d{2}$/.test(form.startTime)) return undefined;
  if (!Number.isInteger(form.count) || form.count < 1) return undefined;
  const count = `COUNT=${form.count}`;
  const dtstart = `${form.firstDay}T${form.startTime}:00`;
  switch (form.repeat) {
    case 'daily':
      return { rrule: `FREQ=DAILY;${count}`, dtstart };
    case 'lunar-yearly':
      return { rrule: `RSCALE=CHINESE;FREQ=YEARLY;${count}`, dtstart };
    case 'weekly': {
      const days = [...new Set(form.weekdays)].filter((day) => day >= 1 && day <= 7).sort();
      const byDay = days.length > 0 ? `;BYDAY=${days.map((day) => BYDAY[day - 1]).join(',')}` : '';
      return { rrule: `FREQ=WEEKLY${byDay};${count}`, dtstart };
    }
  }
}
