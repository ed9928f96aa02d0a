import { DAY, LocalMs } from '../time/local-date-time';

/** What the BYxxx filters ask about a day. Weekday: 0 = Monday ... 6 = Sunday (RFC/rrule order). */
export interface CalendarDay {
  day: LocalMs;
  year: number;
  month: number;
  monthDay: number;
  monthLength: number;
  yearDay: number;
  yearLength: number;
  weekday: number;
}

export function dayInfo(day: LocalMs): CalendarDay {
  const date = new Date(day);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return {
    day,
    year,
    month: month + 1,
    monthDay: date.getUTCDate(),
    monthLength: month === 1 ? (leap ? 29 : 28) : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month],
    yearDay: Math.round((day - Date.UTC(year, 0, 1)) / DAY) + 1,
    yearLength: leap ? 366 : 365,
    weekday: (date.getUTCDay() + 6) % 7,
  };
}

const week1Cache = new Map<number, LocalMs>();

/** Local midnight starting week 1 of a year, for a week start (0 = Monday). */
export function week1Start(year: number, wkst: number): LocalMs {
  const key = year * 8 + wkst;
  let start = week1Cache.get(key);
  if (start === undefined) {
    const jan1 = Date.UTC(year, 0, 1);
    const jan1Weekday = (new Date(jan1).getUTCDay() + 6) % 7;
    const back = (jan1Weekday - wkst + 7) % 7;
    // The week containing 1 January is week 1 if at least four of its days are in the new year.
    start = back <= 3 ? jan1 - back * DAY : jan1 + (7 - back) * DAY;
    week1Cache.set(key, start);
  }
  return start;
}
