import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { instantInput, zonedInstant } from '@linli/platform';
import { isLocalDate } from '../domain/rota';
import { SHIFT_STATUSES } from '../infra/shift.entity';
import { MAX_BULK_RANGE_DAYS } from '../application/rota/bulk-shift-selection';
import { shiftSchema } from './shift.schema';

const instant = instantInput;
const localDate = z.string().refine(isLocalDate, { message: 'a date like 2026-11-30' });
const place = {
  estateId: z.uuid().optional().describe('only shifts at this estate'),
  locationText: z.string().trim().min(1).max(200).optional().describe('only shifts at exactly this place'),
};

export class RotaQuery extends createZodDto(
  z
    .strictObject({
      week: z
        .string()
        .regex(/^\d{4}-W\d{2}$/, 'an ISO week such as 2026-W49')
        .optional()
        .describe(
          'ISO week, e.g. 2026-W49, or give from and/or to; default: the current week (community zone)',
        ),
      from: localDate.optional().describe('first day, e.g. 2026-11-30; alone: 7 days from it'),
      to: localDate
        .optional()
        .describe('last day, included; at most 31 days from `from`; alone: the 7 days ending on it'),
      ...place,
      organisationId: z.uuid().optional().describe('only shifts this partner organisation holds places on'),
      status: z.enum(SHIFT_STATUSES).optional(),
    })
    .refine((q) => !(q.week && (q.from || q.to)), {
      message: 'give week or from/to, not both',
      path: ['week'],
    })
    .refine((q) => !(q.estateId && q.locationText), {
      message: 'give estateId or locationText, not both',
      path: ['locationText'],
    }),
) {}

const counts = {
  capacity: z.number().int(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  held: z.number().int().describe('places organisations hold but have not assigned'),
  assignedViaReservations: z.number().int().describe('confirmed people an organisation assigned'),
  reservedByOrganisations: z.number().int().describe('held + assigned via reservations'),
  unfilled: z.number().int().describe('capacity - confirmed - held; 0 for a cancelled shift'),
};
const totals = z.object({
  shifts: z.number().int(),
  capacity: z.number().int(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  reservedByOrganisations: z.number().int(),
  unfilled: z.number().int(),
});
const rotaShift = z.object({
  id: z.uuid(),
  title: z.string(),
  locationText: z.string().nullable(),
  estate: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  startsAt: zonedInstant,
  endsAt: zonedInstant,
  timeZone: z.string().describe('IANA zone the shift happens in; its instants are written in it'),
  status: z.enum(SHIFT_STATUSES),
  version: z.number().int(),
  seriesId: z.uuid().nullable(),
  origin: z.object({ context: z.string(), id: z.string() }).nullable(),
  ...counts,
  organisations: z.array(
    z.object({
      organisationId: z.uuid(),
      name: z.string(),
      kind: z.string(),
      held: z.number().int(),
      assigned: z.number().int(),
    }),
  ),
  people: z
    .array(
      z.object({
        claimId: z.uuid(),
        personId: z.uuid(),
        name: z.string(),
        phone: z.string().describe('a phone number, or null when none is recorded').nullable(),
        status: z.enum(['confirmed', 'waitlisted', 'completed', 'no_show']),
        checkedIn: z.boolean(),
        organisationId: z
          .uuid()
          .describe('the organisation whose reserved place they hold; null: their own claim')
          .nullable(),
      }),
    )
    .describe(
      'who is on the shift, by name and phone: organisers see everyone, coordinators their ' +
        "organisation's members, volunteers themselves (the counts always cover everyone)",
    ),
});
export class RotaDto extends createZodDto(
  z.object({
    from: z.string(),
    to: z.string(),
    // The description keeps zod from writing `type: ['string','null']`, which Nest documents as an array.
    week: z.string().describe('the ISO week shown, e.g. 2026-W49; null for a from/to range').nullable(),
    timeZone: z.string().describe("the community's zone: days are its calendar days"),
    truncated: z.boolean().describe('more than 2,000 shifts matched: narrow the range'),
    totals: totals.describe('over the range, cancelled shifts left out'),
    days: z.array(
      z.object({
        date: z.string(),
        weekday: z.number().int().describe('1 Monday … 7 Sunday'),
        totals,
        shifts: z.array(rotaShift),
      }),
    ),
  }),
) {}

export class OpenShiftsQuery extends createZodDto(
  z.strictObject({
    personId: z.uuid().optional().describe('default: yourself'),
    from: instant.optional().describe('default: now'),
    to: instant.optional().describe('default: 14 days after from; at most 62'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
) {}

export const openShiftSchema = shiftSchema.extend({
  outcome: z.enum(['confirmed', 'waitlisted']).describe('what a claim would give right now'),
});
export class OpenShiftsDto extends createZodDto(
  z.object({
    personId: z.uuid(),
    from: zonedInstant,
    to: zonedInstant,
    timeZone: z.string().describe("the community's zone, which from and to are written in"),
    truncated: z.boolean(),
    items: z.array(openShiftSchema),
  }),
) {}

const bulkFields = {
  from: instant.describe('shifts starting at or after this instant (and not yet started)'),
  to: instant.describe('… and before this one'),
  ...place,
  reason: z.string().trim().min(1).max(500).describe('told to everyone affected, e.g. 暴雨 heavy rain'),
};
/**
 * zod runs an object's refinements even when a field failed (its value is then still the raw
 * input, not a Date): leave those to the field's own error.
 */
const bulkRangeValid = (body: { from: unknown; to: unknown }) =>
  !(body.from instanceof Date && body.to instanceof Date) ||
  (body.to > body.from && body.to.getTime() - body.from.getTime() <= MAX_BULK_RANGE_DAYS * 86_400_000);
const bulkRangeMessage = {
  message: `to must be after from, within ${MAX_BULK_RANGE_DAYS} days`,
  path: ['to'],
};
const onePlace = (body: { estateId?: string; locationText?: string }) =>
  !(body.estateId && body.locationText);
const onePlaceMessage = { message: 'give estateId or locationText, not both', path: ['locationText'] };

export class BulkCancelRequest extends createZodDto(
  z.strictObject(bulkFields).refine(bulkRangeValid, bulkRangeMessage).refine(onePlace, onePlaceMessage),
) {}
export class BulkPostponeRequest extends createZodDto(
  z
    .strictObject({
      ...bulkFields,
      byMinutes: z
        .number()
        .int()
        .min(1)
        .max(14 * 24 * 60)
        .describe('every matching shift moves this much later, with its claims'),
    })
    .refine(bulkRangeValid, bulkRangeMessage)
    .refine(onePlace, onePlaceMessage),
) {}

export const bulkOutcomeSchema = z.object({
  count: z.number().int(),
  affectedPersonIds: z.array(z.uuid()).describe('everyone on an affected shift or its waitlist, once'),
  shifts: z.array(
    z.object({
      shift: shiftSchema,
      affectedPersonIds: z.array(z.uuid()),
      previousStartsAt: zonedInstant.nullable().describe('before a postponement, in the shift’s zone'),
      previousEndsAt: zonedInstant.nullable(),
    }),
  ),
});
export type BulkOutcomeResponse = z.infer<typeof bulkOutcomeSchema>;
export class BulkOutcomeDto extends createZodDto(bulkOutcomeSchema) {}
