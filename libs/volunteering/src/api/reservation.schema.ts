import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { instantInput, pageSchema, zonedInstant } from '@linli/platform';
import { RESERVATION_STATUSES } from '../infra/organisation-reservation.entity';
import { RESERVATION_SORTS } from '../infra/reservation.queries';
import { SHIFT_STATUSES } from '../infra/shift.entity';
import { reservationSchema } from './claim.schema';

export class ListReservationsQuery extends createZodDto(
  z
    .strictObject({
      page: z.coerce.number().int().min(1).max(100_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(100).default(20),
      sort: z.enum(RESERVATION_SORTS).default('startsAt').describe("by the shift's start (default)"),
      organisationId: z
        .uuid()
        .optional()
        .describe("organisers: one organisation's; coordinators always see only their own"),
      shiftId: z.uuid().optional(),
      status: z.enum(RESERVATION_STATUSES).optional(),
      from: instantInput.optional().describe('shifts starting at or after this instant'),
      to: instantInput.optional().describe('… and before this one'),
    })
    // A field that failed keeps its raw text here: leave it to that field's own error.
    .refine((q) => !(q.from instanceof Date && q.to instanceof Date) || q.to > q.from, {
      message: 'to must be after from',
      path: ['to'],
    }),
) {}

export class ShrinkReservationRequest extends createZodDto(
  z.strictObject({
    places: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .describe('the places to keep: fewer than now, at least the members assigned'),
  }),
) {}

export const reservationListItemSchema = reservationSchema.extend({
  shift: z.object({
    id: z.uuid(),
    title: z.string(),
    locationText: z.string().nullable(),
    estate: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    startsAt: zonedInstant,
    endsAt: zonedInstant,
    timeZone: z.string().describe('IANA zone the shift happens in; its instants are written in it'),
    status: z.enum(SHIFT_STATUSES),
  }),
  organisation: z.object({ id: z.uuid(), name: z.string(), kind: z.string() }),
});
export type ReservationListItemResponse = z.infer<typeof reservationListItemSchema>;
export class ReservationPageDto extends createZodDto(pageSchema(reservationListItemSchema)) {}
