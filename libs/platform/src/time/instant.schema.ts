import { z } from 'zod';
import { offsetAt } from './zoned-instant';

/**
 * An instant a client sends: RFC 3339 with any offset (`Z`, `+08:00`, `-05:00`), read as a Date.
 * A wall time without an offset is refused: it names no instant.
 */
export const instantInput = z.iso
  .datetime({ offset: true })
  .transform((text) => new Date(text))
  .describe('RFC 3339 with an offset, e.g. 2026-12-07T09:00:00+08:00 (any offset, or Z)');

/**
 * An instant the API answers: written in the zone the resource names in `timeZone` (the
 * community's, or a shift's own), with its offset (formatInstant).
 */
export const zonedInstant = z.iso
  .datetime({ offset: true })
  .describe('RFC 3339 in the zone named by `timeZone`, with its offset, e.g. 2026-12-07T09:00:00+08:00');

/** The IANA zone the instants of a resource are written in. */
export const timeZoneName = z
  .string()
  .describe('IANA zone the instants here are written in, e.g. Asia/Shanghai');

/** Whether the text names an IANA zone this runtime knows (not a bare offset such as +08:00). */
export function isTimeZone(text: string): boolean {
  if (!text || text.length > 64 || /^[+-]/.test(text)) return false;
  try {
    offsetAt(Date.UTC(2026, 0, 1), text);
    return true;
  } catch {
    return false;
  }
}

/** A zone a client names for something it creates: must be a real IANA zone (answers are written in it). */
export const timeZoneInput = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, 'an IANA time zone such as Asia/Shanghai')
  .describe('IANA zone, e.g. Asia/Shanghai');
