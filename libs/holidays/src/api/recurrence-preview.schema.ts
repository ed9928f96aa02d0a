import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';

/** A year whose holiday schedule is not known yet (issue 10): also in a created series' answer. */
export const holidayWarningSchema = z.object({
  code: z.literal('HOLIDAY_DATA_MISSING'),
  year: z.number().int(),
  occurrences: z.number().int(),
  message: z.string(),
});
import { HOLIDAY_POLICIES, LIMITS, type HolidayPolicy } from '@linli/recurrence';

const localDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/,
    'a local date-time without offset, like 2026-10-18T09:00:00',
  );
const localDateTimes = z.array(localDateTime).max(LIMITS.maxListEntries);
const instant = z.iso
  .datetime({ offset: true })
  .describe('an instant with offset or Z, e.g. 2026-09-28T00:00:00+08:00');

export class PreviewRecurrenceRequest extends createZodDto(
  z.strictObject({
    rrule: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .describe('RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR; RSCALE=CHINESE for lunar rules'),
    dtstart: localDateTime.describe('first start, local wall time, e.g. 2026-10-18T09:00:00'),
    timeZone: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe("IANA zone; default: the caller's community zone"),
    duration: z.string().min(2).max(40).optional().describe('ISO 8601 duration, e.g. PT2H'),
    rdates: localDateTimes.optional(),
    exdates: localDateTimes.optional(),
    holidayPolicy: z
      .enum(HOLIDAY_POLICIES as readonly [HolidayPolicy, ...HolidayPolicy[]])
      .default('ignore')
      .describe('法定节假日: ignore · skip_holidays · skip_holidays_add_workdays · move_to_next_workday'),
    from: instant.optional().describe("window start; default: dtstart's instant"),
    to: instant
      .optional()
      .describe('window end (exclusive); default: from + 1 year; at most 10 years after from'),
    limit: z.number().int().min(1).max(LIMITS.maxOccurrences).default(LIMITS.defaultOccurrences),
  }),
) {}

const timeSchema = z.object({ local: z.string(), offset: z.string(), instant: z.string() });

const occurrenceSchema = z.object({
  recurrenceId: z.string(),
  start: timeSchema,
  end: timeSchema,
  flags: z.array(z.string()),
  lunar: z
    .object({ label: z.string(), month: z.number().int(), day: z.number().int(), leap: z.boolean() })
    .optional(),
  holidayName: z.string().optional(),
});

export const previewResponseSchema = z.object({
  occurrences: z.array(occurrenceSchema),
  skipped: z.array(
    z.object({ recurrenceId: z.string(), reason: z.string(), holidayName: z.string().optional() }),
  ),
  truncated: z.boolean(),
  warnings: z
    .array(holidayWarningSchema)
    .describe('years without official holiday data: the policy could not apply to their occurrences'),
  timeZone: z.string().describe('the zone the rule was expanded in; the window is written in it'),
  window: z
    .object({ from: z.string(), to: z.string() })
    .describe('the instants previewed: from, to (exclusive)'),
});
export class PreviewRecurrenceResponse extends createZodDto(previewResponseSchema) {}
