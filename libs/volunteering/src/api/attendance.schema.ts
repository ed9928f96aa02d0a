import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { zonedInstant } from '@linli/platform';
import { claimSchema } from './claim.schema';

/** Either the code (a volunteer checking themselves) or a claim (an organiser checking someone). */
export class CheckInRequest extends createZodDto(
  z
    .strictObject({
      code: z
        .string()
        .regex(/^\d{6}$/, 'six digits')
        .optional()
        .describe('volunteers: the six-digit code shown (or scanned) on site'),
      claimId: z.uuid().optional().describe('organisers: the claim of the person arriving or leaving'),
    })
    .refine((body) => (body.code === undefined) !== (body.claimId === undefined), {
      message: 'give either code or claimId',
      path: ['code'],
    }),
) {}

export class AttendanceRequest extends createZodDto(
  z.strictObject({
    outcome: z.enum(['attended', 'no_show']),
    creditPlannedTime: z
      .boolean()
      .optional()
      .describe('attended: credit the planned time (default) or, if false, the checked-in time'),
  }),
) {}

export class QrQuery extends createZodDto(
  z.strictObject({
    size: z.coerce.number().int().min(128).max(1024).default(512).describe('PNG width in pixels'),
  }),
) {}

export const attendanceClaimSchema = claimSchema.extend({
  checkedInBy: z.uuid().nullable().describe('account that checked in: the volunteer or an organiser'),
  checkedOutBy: z.uuid().nullable(),
  attendanceRecordedBy: z.uuid().nullable().describe('organiser who confirmed attendance or a no-show'),
  attendanceRecordedAt: zonedInstant.nullable(),
});
export type AttendanceClaimResponse = z.infer<typeof attendanceClaimSchema>;
export class AttendanceClaimDto extends createZodDto(attendanceClaimSchema) {}

export const checkInCodeSchema = z.object({
  shiftId: z.uuid(),
  code: z.string().describe('six digits'),
  url: z.url().describe('what the QR code encodes: the check-in page with the shift and code'),
  opensAt: zonedInstant,
  closesAt: zonedInstant,
  timeZone: z.string().describe("the shift's zone: today's code is the shift's local day's"),
});
export type CheckInCodeResponse = z.infer<typeof checkInCodeSchema>;
export class CheckInCodeDto extends createZodDto(checkInCodeSchema) {}
