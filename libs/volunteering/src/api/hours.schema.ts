import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { instantInput, pageSchema, zonedInstant } from '@linli/platform';
import { isCalendarDay } from '../domain/hours-report';

const calendarDay = z.string().refine(isCalendarDay, 'a calendar day, YYYY-MM-DD');

export class CreateHoursAdjustmentRequest extends createZodDto(
  z.strictObject({
    minutes: z
      .number()
      .int()
      .min(-1440)
      .max(1440)
      .refine((m) => m !== 0, 'not zero')
      .describe('added (positive) or taken away (negative), at most a day'),
    reason: z.string().trim().min(1).max(500).describe('why: shown in the audit trail'),
    occurredAt: instantInput.describe('when the service happened: decides the report period it counts in'),
    claimId: z.uuid().nullish().describe('the claim corrected, if any'),
  }),
) {}

export class ListHoursAdjustmentsQuery extends createZodDto(
  z.strictObject({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  }),
) {}

export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class HoursReportQuery extends createZodDto(
  z.strictObject({
    from: calendarDay
      .optional()
      .describe('first day, in the community’s zone; default: 1 January of the year of `to`'),
    to: calendarDay
      .optional()
      .describe('last day, included; at most 366 days after from; default: today (or from + 365 days)'),
    groupBy: z.enum(['person', 'organisation']).default('person'),
    format: z.enum(REPORT_FORMATS).default('json'),
  }),
) {}

export const hoursAdjustmentSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  claimId: z.uuid().nullable(),
  minutes: z.number().int(),
  occurredAt: zonedInstant,
  reason: z.string(),
  createdBy: z.object({ accountId: z.uuid(), name: z.string().nullable() }),
  createdAt: zonedInstant,
  timeZone: z.string().describe("the community's zone: the instants here are written in it"),
});
export type HoursAdjustmentResponse = z.infer<typeof hoursAdjustmentSchema>;
export class HoursAdjustmentDto extends createZodDto(hoursAdjustmentSchema) {}
export class HoursAdjustmentPageDto extends createZodDto(pageSchema(hoursAdjustmentSchema)) {}

const totals = {
  shiftsCompleted: z.number().int(),
  creditedMinutes: z.number().int(),
  adjustmentMinutes: z.number().int(),
  totalMinutes: z.number().int(),
  creditedHours: z.number(),
  adjustmentHours: z.number(),
  totalHours: z.number().describe('(credited + adjustments) / 60, two decimals'),
};
const period = z.object({ from: z.string(), to: z.string(), timeZone: z.string() });

export class PersonHoursReportDto extends createZodDto(
  z.object({
    groupBy: z.literal('person'),
    period,
    rows: z.array(
      z.object({
        personId: z.uuid(),
        name: z.string(),
        phone: z.string().nullable(),
        organisations: z.array(z.string()),
        ...totals,
      }),
    ),
    totals: z.object({ people: z.number().int(), ...totals }),
  }),
) {}

export class OrganisationHoursReportDto extends createZodDto(
  z.object({
    groupBy: z.literal('organisation'),
    period,
    rows: z.array(
      z.object({
        organisationId: z.uuid(),
        name: z.string(),
        kind: z.string(),
        members: z.number().int().describe('active members with hours in the period'),
        ...totals,
      }),
    ),
  }),
) {}
