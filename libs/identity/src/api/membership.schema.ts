import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { booleanQuery, listQuerySchema, pageSchema } from '@linli/platform';
import { MEMBERSHIP_ROLES } from '../domain/membership-role';
import { timestamps } from './common.schema';

export class CreateMembershipRequest extends createZodDto(
  z.strictObject({
    personId: z.uuid(),
    organisationId: z.uuid(),
    role: z.enum(MEMBERSHIP_ROLES).default('member'),
  }),
) {}
export class UpdateMembershipRequest extends createZodDto(
  z.strictObject({ role: z.enum(MEMBERSHIP_ROLES), active: z.boolean() }).partial(),
) {}
export class ListMembershipsQuery extends createZodDto(
  listQuerySchema(['createdAt', 'role']).extend({
    organisationId: z.uuid().optional(),
    personId: z.uuid().optional(),
    role: z.enum(MEMBERSHIP_ROLES).optional(),
    active: booleanQuery.optional(),
  }),
) {}

export const membershipSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  role: z.enum(MEMBERSHIP_ROLES),
  active: z.boolean(),
  ...timestamps,
});
export type MembershipResponse = z.infer<typeof membershipSchema>;
export class MembershipDto extends createZodDto(membershipSchema) {}
export class MembershipPageDto extends createZodDto(pageSchema(membershipSchema)) {}
