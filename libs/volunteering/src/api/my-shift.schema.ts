import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { instantInput, zonedInstant } from '@linli/platform';
import { SHIFT_STATUSES } from '../infra/shift.entity';

export class MyShiftsQuery extends createZodDto(
  z.strictObject({
    from: instantInput.optional().describe('shifts not over by this instant; default: now'),
    to: instantInput
      .optional()
      .describe('… and starting before this one; default: 90 days after from, at most 366'),
    limit: z.coerce.number().int().min(1).max(200).default(100),
  }),
) {}

export const myShiftSchema = z.object({
  claimId: z.uuid(),
  status: z
    .enum(['confirmed', 'checked_in', 'waitlisted', 'completed', 'no_show'])
    .describe('where you stand: a place, checked in on site, on the waitlist, or after the shift'),
  waitlistPosition: z.number().int().describe('1 for the first in line; null unless waitlisted').nullable(),
  checkedInAt: zonedInstant.nullable(),
  checkedOutAt: zonedInstant.nullable(),
  cancellableUntil: zonedInstant.describe('you may cancel yourself until this time (the cut-off)'),
  shiftId: z.uuid(),
  title: z.string(),
  locationText: z.string().nullable(),
  estate: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  startsAt: zonedInstant,
  endsAt: zonedInstant,
  timeZone: z.string().describe('IANA zone the shift happens in; the instants here are written in it'),
  shiftStatus: z.enum(SHIFT_STATUSES),
});
export type MyShiftResponse = z.infer<typeof myShiftSchema>;

export class MyShiftsDto extends createZodDto(
  z.object({
    personId: z.uuid().describe('null for an account without a person (it has no shifts)').nullable(),
    from: zonedInstant,
    to: zonedInstant,
    timeZone: z.string().describe("the community's zone, which from and to are written in"),
    truncated: z.boolean().describe('more than `limit` shifts: narrow the window'),
    items: z.array(myShiftSchema),
  }),
) {}
