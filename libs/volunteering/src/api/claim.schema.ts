import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { listQuerySchema, pageSchema, timeZoneName, zonedInstant } from '@linli/platform';
import { CLAIM_SOURCES, CLAIM_STATUSES } from '../infra/claim.entity';
import { RESERVATION_STATUSES } from '../infra/organisation-reservation.entity';

/** No body at all (or `{}`) is a volunteer claiming for themselves. */
export class ClaimShiftRequest extends createZodDto(
  z
    .strictObject({ personId: z.uuid().optional().describe('organisers place someone; volunteers omit it') })
    .default({}),
) {}
export class ReserveRequest extends createZodDto(
  z.strictObject({ organisationId: z.uuid(), places: z.number().int().min(1).max(10_000) }),
) {}
export class AssignRequest extends createZodDto(z.strictObject({ personId: z.uuid() })) {}
export class ListClaimsQuery extends createZodDto(
  listQuerySchema(['createdAt', 'startsAt']).extend({
    personId: z.uuid().optional(),
    shiftId: z.uuid().optional(),
    status: z.enum(CLAIM_STATUSES).optional(),
  }),
) {}

export const claimSchema = z.object({
  id: z.uuid(),
  shiftId: z.uuid(),
  personId: z.uuid(),
  status: z.enum(CLAIM_STATUSES),
  source: z.enum(CLAIM_SOURCES),
  reservationId: z.uuid().nullable(),
  startsAt: zonedInstant,
  endsAt: zonedInstant,
  checkedInAt: zonedInstant.nullable(),
  checkedOutAt: zonedInstant.nullable(),
  creditedMinutes: z.number().int().nullable(),
  createdAt: zonedInstant,
  timeZone: timeZoneName.describe("the community's zone: the instants here are written in it"),
});
export type ClaimResponse = z.infer<typeof claimSchema>;
export class ClaimDto extends createZodDto(claimSchema) {}
export class ClaimPageDto extends createZodDto(pageSchema(claimSchema)) {}

export const reservationSchema = z.object({
  id: z.uuid(),
  shiftId: z.uuid(),
  organisationId: z.uuid(),
  places: z.number().int(),
  assigned: z.number().int(),
  status: z.enum(RESERVATION_STATUSES),
  releaseAt: zonedInstant.describe('unassigned places go back to the open pool at this time'),
  createdAt: zonedInstant,
  timeZone: timeZoneName.describe("the community's zone: the instants here are written in it"),
});
export type ReservationResponse = z.infer<typeof reservationSchema>;
export class ReservationDto extends createZodDto(reservationSchema) {}
export class ReservationListDto extends createZodDto(z.array(reservationSchema)) {}
