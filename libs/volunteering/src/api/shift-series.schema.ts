import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { booleanQuery, instantInput, listQuerySchema, pageSchema, zonedInstant } from '@linli/platform';
import { PARTNER_KIND_VALUES } from '@linli/identity';
import { holidayWarningSchema } from '@linli/holidays';
import { HOLIDAY_POLICIES, type HolidayPolicy } from '@linli/recurrence';
import { shiftSchema, shiftTitle } from './shift.schema';

const instant = instantInput;
const tags = z.array(z.string().trim().min(1).max(50)).max(20);
const localDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/,
    'a local date-time without offset, like 2026-12-01T09:00',
  );
const localDateOrTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/,
    'a local date (whole day) or date-time (one start), without offset',
  );
const rrule = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .describe('RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR');
const holidayPolicy = z
  .enum(HOLIDAY_POLICIES as readonly [HolidayPolicy, ...HolidayPolicy[]])
  .describe('法定节假日: ignore · skip_holidays · skip_holidays_add_workdays · move_to_next_workday');
const minutes = (max: number) => z.number().int().min(0).max(max);

/** The fields a series shares with its shifts (as in the shifts API). */
const templateFields = {
  title: shiftTitle,
  description: z.string().trim().max(4000).nullish(),
  locationText: z.string().trim().max(200).nullish(),
  estateId: z.uuid().nullish(),
  capacity: z.number().int().min(1).max(10_000),
  requiredQualifications: tags.optional(),
  minAge: z.number().int().min(1).max(120).nullish(),
  reservedForKinds: z.array(z.enum(PARTNER_KIND_VALUES)).max(6).optional(),
  signupOpensDays: z.number().int().min(0).max(365).nullish(),
  cancelCutoffMinutes: minutes(7 * 24 * 60).nullish(),
  releaseLeadMinutes: minutes(30 * 24 * 60).nullish(),
};

export class CreateShiftSeriesRequest extends createZodDto(
  z.strictObject({
    ...templateFields,
    rrule,
    dtstart: localDateTime.describe('first start, local wall time, e.g. 2026-12-01T09:00'),
    // Checked by the recurrence engine, which answers TIME_ZONE_INVALID naming the field.
    timeZone: z.string().min(1).max(64).describe('IANA zone, e.g. Asia/Shanghai'),
    holidayPolicy: holidayPolicy.default('skip_holidays'),
    durationMinutes: z.number().int().min(1).max(1440),
    exdates: z.array(localDateOrTime).max(366).optional(),
  }),
) {}

const changesSchema = z
  .strictObject({
    ...templateFields,
    startTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'local time HH:mm, e.g. 09:30')
      .optional(),
    durationMinutes: z.number().int().min(1).max(1440).optional(),
    rrule: rrule.optional(),
    holidayPolicy: holidayPolicy.optional(),
    exdates: z.array(localDateOrTime).max(366).optional(),
  })
  .partial()
  .refine(
    (changes) => Object.values(changes).some((value) => value !== undefined),
    'name at least one change',
  );

export class EditShiftSeriesRequest extends createZodDto(
  z
    .strictObject({
      scope: z
        .enum(['this', 'following', 'all'])
        .describe('this occurrence · this and following · all future'),
      occurrence: instant
        .optional()
        .describe("the occurrence's original start, e.g. 2026-12-07T09:00:00+08:00 (this and following)"),
      changes: changesSchema,
      includeEditedByHand: z.boolean().default(false).describe('also change shifts edited by hand'),
    })
    .superRefine((edit, ctx) => {
      if (edit.scope !== 'all' && !edit.occurrence)
        ctx.addIssue({
          code: 'custom',
          path: ['occurrence'],
          message: 'required for scope this and following',
        });
      if (edit.scope === 'all' && edit.occurrence)
        ctx.addIssue({
          code: 'custom',
          path: ['occurrence'],
          message: 'scope all starts at the next occurrence',
        });
      if (edit.scope === 'this')
        for (const field of ['rrule', 'holidayPolicy', 'exdates'] as const)
          if (edit.changes[field] !== undefined)
            ctx.addIssue({
              code: 'custom',
              path: ['changes', field],
              message: 'changes the pattern: use scope following or all',
            });
    }),
) {}

export class ListShiftSeriesQuery extends createZodDto(
  listQuerySchema(['createdAt', 'title']).extend({
    active: booleanQuery.optional().describe('true: not ended; false: ended'),
  }),
) {}

export class ListSeriesShiftsQuery extends createZodDto(
  listQuerySchema(['startsAt']).extend({
    from: instant.optional(),
    to: instant.optional(),
    status: z.enum(['open', 'cancelled']).optional(),
  }),
) {}

export const shiftSeriesSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  locationText: z.string().nullable(),
  estateId: z.uuid().nullable(),
  rrule: z.string(),
  dtstart: z.string().describe('local wall time of the first occurrence'),
  timeZone: z.string().describe('IANA zone the series repeats in; its instants are written in it'),
  holidayPolicy: z.string(),
  durationMinutes: z.number().int(),
  exdates: z.array(z.string()),
  capacity: z.number().int(),
  requiredQualifications: z.array(z.string()),
  minAge: z.number().int().nullable(),
  reservedForKinds: z.array(z.string()),
  signupOpensDays: z.number().int().nullable(),
  cancelCutoffMinutes: z.number().int().nullable(),
  releaseLeadMinutes: z.number().int().nullable(),
  materialisedUntil: zonedInstant.nullable().describe('shifts exist for occurrences before this'),
  endedAt: zonedInstant.nullable(),
  version: z.number().int(),
  origin: z.object({ context: z.string(), id: z.string() }).nullable(),
  createdAt: zonedInstant,
  updatedAt: zonedInstant,
});
export type ShiftSeriesResponse = z.infer<typeof shiftSeriesSchema>;
export class ShiftSeriesDto extends createZodDto(shiftSeriesSchema) {}
/** A created series, with the years its holiday policy could not apply to yet (issue 10). */
export const createdShiftSeriesSchema = shiftSeriesSchema.extend({ warnings: z.array(holidayWarningSchema) });
export type CreatedShiftSeriesResponse = z.infer<typeof createdShiftSeriesSchema>;
export class CreatedShiftSeriesDto extends createZodDto(createdShiftSeriesSchema) {}
export class ShiftSeriesPageDto extends createZodDto(pageSchema(shiftSeriesSchema)) {}

/** A shift of a series, with what series edits need: its occurrence and whether it was edited by hand. */
export const seriesShiftSchema = shiftSchema.extend({
  seriesOccurrence: zonedInstant
    .nullable()
    .describe("the occurrence's original start: pass it as `occurrence` to edit this / following"),
  editedByHand: z.boolean().describe('series edits leave it alone unless includeEditedByHand'),
});
export type SeriesShiftResponse = z.infer<typeof seriesShiftSchema>;
export class SeriesShiftPageDto extends createZodDto(pageSchema(seriesShiftSchema)) {}

export const seriesEditResultSchema = z.object({
  series: shiftSeriesSchema,
  newSeries: shiftSeriesSchema.nullable().describe('this and following: the series from the occurrence on'),
  changed: z.array(z.uuid()),
  created: z.array(z.uuid()),
  cancelled: z.array(z.object({ shiftId: z.uuid(), affectedPersonIds: z.array(z.uuid()) })),
  untouched: z.array(
    z.object({ shiftId: z.uuid(), reason: z.enum(['started', 'cancelled', 'edited_by_hand']) }),
  ),
  failed: z
    .array(z.object({ shiftId: z.uuid(), code: z.string(), detail: z.string() }))
    .describe('shifts left as they were, with the reason'),
  released: z
    .array(
      z.object({
        shiftId: z.uuid(),
        personId: z.uuid(),
        reason: z.enum(['overlaps']),
        overlapsShiftId: z.uuid(),
      }),
    )
    .describe(
      'places given up because the moved shift now overlaps another shift of the person (they are told)',
    ),
});
export type SeriesEditResultResponse = z.infer<typeof seriesEditResultSchema>;
export class SeriesEditResultDto extends createZodDto(seriesEditResultSchema) {}

export const materialiseResultSchema = z.object({
  created: z.number().int(),
  materialisedUntil: zonedInstant.nullable(),
  timeZone: z.string().describe("the series' zone, which materialisedUntil is written in"),
});
export class MaterialiseResultDto extends createZodDto(materialiseResultSchema) {}

export const endSeriesResultSchema = z.object({
  series: shiftSeriesSchema,
  cancelled: z.array(z.uuid()).describe('future shifts nobody was on'),
  kept: z.array(z.uuid()).describe('future shifts with people on them, for the organiser to decide'),
});
export type EndSeriesResultResponse = z.infer<typeof endSeriesResultSchema>;
export class EndSeriesResultDto extends createZodDto(endSeriesResultSchema) {}
