import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { instantInput, listQuerySchema, pageSchema, timeZoneInput, zonedInstant } from '@linli/platform';
import { PARTNER_KIND_VALUES } from '@linli/identity';

const tags = z.array(z.string().trim().min(1).max(50)).max(20);

/** One line: a calendar SUMMARY, a mail subject (issue 10). Shared with series. */
export const shiftTitle = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[^\r\n\u2028\u2029]*$/, 'one line: no line breaks')
  .describe('e.g. 城南市集 · 理发');

const shiftFields = {
  title: shiftTitle,
  description: z.string().trim().max(4000).nullish(),
  locationText: z.string().trim().max(200).nullish(),
  estateId: z.uuid().nullish(),
  startsAt: instantInput,
  endsAt: instantInput,
  timeZone: timeZoneInput,
  capacity: z.number().int().min(1).max(10_000),
  requiredQualifications: tags.optional(),
  minAge: z.number().int().min(1).max(120).nullish(),
  reservedForKinds: z.array(z.enum(PARTNER_KIND_VALUES)).max(6).optional(),
  signupOpensDays: z.number().int().min(0).max(365).nullish(),
  cancelCutoffMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .nullish(),
  releaseLeadMinutes: z
    .number()
    .int()
    .min(0)
    .max(30 * 24 * 60)
    .nullish(),
};

export class CreateShiftRequest extends createZodDto(z.strictObject(shiftFields)) {}
export class UpdateShiftRequest extends createZodDto(z.strictObject(shiftFields).partial()) {}
export class CancelShiftRequest extends createZodDto(
  z.strictObject({ reason: z.string().trim().min(1).max(500) }),
) {}
export class ListShiftsQuery extends createZodDto(
  listQuerySchema(['startsAt', 'title', 'createdAt']).extend({
    from: instantInput.optional(),
    to: instantInput.optional(),
    status: z.enum(['open', 'cancelled']).optional(),
    estateId: z.uuid().optional(),
  }),
) {}

export const shiftSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  locationText: z.string().nullable(),
  estateId: z.uuid().nullable(),
  startsAt: zonedInstant,
  endsAt: zonedInstant,
  timeZone: z.string().describe('IANA zone the shift happens in; its instants are written in it'),
  capacity: z.number().int(),
  confirmed: z.number().int(),
  held: z.number().int().describe('places organisations hold but have not assigned'),
  free: z.number().int(),
  requiredQualifications: z.array(z.string()),
  minAge: z.number().int().nullable(),
  reservedForKinds: z.array(z.string()),
  status: z.enum(['open', 'cancelled']),
  cancelReason: z.string().nullable(),
  version: z.number().int(),
  seriesId: z.uuid().nullable(),
  origin: z.object({ context: z.string(), id: z.string() }).nullable(),
  createdAt: zonedInstant,
  updatedAt: zonedInstant,
});
export type ShiftResponse = z.infer<typeof shiftSchema>;
export class ShiftDto extends createZodDto(shiftSchema) {}
export class ShiftPageDto extends createZodDto(pageSchema(shiftSchema)) {}

export class ShiftCancelledDto extends createZodDto(
  z.object({
    shift: shiftSchema,
    affectedPersonIds: z.array(z.uuid()).describe('everyone who was on it or its waitlist: they are told'),
  }),
) {}
