import { ZoneRules } from '@linli/recurrence';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since local midnight of an 'HH:mm' time; throws on anything else. */
export function minutesOfDay(hhmm: string): number {
  const match = HHMM.exec(hhmm);
  if (!match) throw new Error(`not an HH:mm time: ${hhmm}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function isHhmm(value: string): boolean {
  return HHMM.test(value);
}

/** Wall-clock minutes since local midnight, and the local day (ms at local midnight, UTC-based). */
export function localParts(instant: Date, timeZone: string): { day: number; minute: number } {
  const local = ZoneRules.for(timeZone).toLocal(instant.getTime());
  const day = Math.floor(local / DAY) * DAY;
  return { day, minute: Math.floor((local - day) / MINUTE) };
}

/** The instant of a local day + minute (a time in a DST gap moves forward by the gap). */
export function instantOf(day: number, minute: number, timeZone: string): Date {
  return new Date(ZoneRules.for(timeZone).resolve(day + minute * MINUTE).instant);
}

/** 'YYYY-MM-DD' of a local day value from localParts. */
export function formatDay(day: number): string {
  return new Date(day).toISOString().slice(0, 10);
}

export const LOCAL_DAY_MS = DAY;
