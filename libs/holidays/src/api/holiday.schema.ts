import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { zonedInstant } from '@linli/platform';
import { DECLARED_KINDS, OVERRIDE_KINDS } from '../domain/holiday-day';
import { IMPORT_FORMATS, IMPORT_LIMITS } from '../domain/holiday-file';
import { MAX_YEAR, MIN_YEAR, isLocalDate, yearOf } from '../domain/local-date';

const year = z.number().int().min(MIN_YEAR).max(MAX_YEAR);

const localDate = z
  .string()
  .refine(isLocalDate, { message: 'a date like 2026-10-01', abort: true })
  .refine(
    (date) => yearOf(date) >= MIN_YEAR && yearOf(date) <= MAX_YEAR,
    `a date in ${MIN_YEAR}..${MAX_YEAR}`,
  );

export class HolidayYearQuery extends createZodDto(
  z.strictObject({ year: z.coerce.number().pipe(year).describe('公历年份, e.g. 2026') }),
) {}

export class HolidayDateParam extends createZodDto(
  z.strictObject({ date: localDate.describe('日期, e.g. 2026-10-01') }),
) {}

export class UpsertHolidayDayRequest extends createZodDto(
  z.strictObject({
    kind: z.enum(OVERRIDE_KINDS).describe('off 休 · workday 班 (调休上班) · normal 取消内置的安排'),
    name: z.string().trim().min(1).max(IMPORT_LIMITS.maxNameLength).describe('e.g. 国庆节'),
    note: z.string().trim().max(IMPORT_LIMITS.maxNoteLength).nullish(),
  }),
) {}

export class ImportHolidayYearRequest extends createZodDto(
  z.strictObject({
    year,
    format: z.enum(IMPORT_FORMATS),
    content: z
      .string()
      .min(1)
      .max(IMPORT_LIMITS.maxBytes)
      .describe(
        'JSON array of {date, kind, name}, or iCalendar text with all-day VEVENTs (SUMMARY 国庆节 休 / 国庆节 班)',
      ),
  }),
) {}

const replannedOccurrence = z.object({
  context: z.string().describe('who planned it, e.g. volunteering'),
  shiftId: z.uuid(),
  seriesId: z.uuid(),
  title: z.string(),
  startsAt: zonedInstant,
  holidayName: z.string().optional(),
  people: z.number().int().describe('people on it, who were told'),
});

/** What a change of the calendar did to what was planned and not held yet (issue 10). */
export const holidayReplanSchema = z.object({
  timeZone: z.string().describe("the community's zone: the instants here are written in it"),
  cancelled: z.array(replannedOccurrence).describe('now on a day off: cancelled, people told'),
  moved: z
    .array(replannedOccurrence.extend({ from: zonedInstant, to: zonedInstant }))
    .describe('moved to the next workday with their claims, people told'),
  added: z.array(replannedOccurrence).describe('make-up workdays and days no longer off'),
  refused: z
    .array(replannedOccurrence.extend({ code: z.string(), message: z.string() }))
    .describe('what the usual rules refused; left as it was'),
});
export type HolidayReplanResponse = z.infer<typeof holidayReplanSchema>;

export const holidayDaySchema = z.object({
  date: z.string(),
  kind: z.enum(OVERRIDE_KINDS),
  name: z.string(),
  source: z.enum(['bundled', 'override']),
  note: z.string().nullable(),
  bundled: z.object({ kind: z.enum(DECLARED_KINDS), name: z.string() }).nullable(),
});
export type HolidayDayResponse = z.infer<typeof holidayDaySchema>;
export class HolidayDayDto extends createZodDto(holidayDaySchema) {}

export const holidayCorrectionSchema = holidayDaySchema.extend({ replanned: holidayReplanSchema });
export type HolidayCorrectionResponse = z.infer<typeof holidayCorrectionSchema>;
export class HolidayCorrectionDto extends createZodDto(holidayCorrectionSchema) {}

export const holidayYearSchema = z.object({
  year: z.number().int(),
  hasOfficialData: z.boolean(),
  importedAt: zonedInstant.nullable(),
  timeZone: z.string().describe("the community's zone: importedAt is written in it"),
  days: z.array(holidayDaySchema),
});
export type HolidayYearResponse = z.infer<typeof holidayYearSchema>;
export class HolidayYearDto extends createZodDto(holidayYearSchema) {}

export const holidayRemovalSchema = z.object({
  date: z.string(),
  outcome: z.literal('deleted'),
  /** The day as it reads now: the bundled entry, or null for an ordinary day. */
  day: holidayDaySchema.nullable(),
  replanned: holidayReplanSchema,
});
export type HolidayRemovalResponse = z.infer<typeof holidayRemovalSchema>;
export class HolidayRemovalDto extends createZodDto(holidayRemovalSchema) {}

export const holidayImportSummarySchema = z.object({
  year: z.number().int(),
  days: z.number().int(),
  off: z.number().int(),
  workday: z.number().int(),
  replaced: z.number().int(),
  replanned: holidayReplanSchema,
});
export type HolidayImportSummaryResponse = z.infer<typeof holidayImportSummarySchema>;
export class HolidayImportSummaryDto extends createZodDto(holidayImportSummarySchema) {}
