import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { zonedInstant } from '@linli/platform';

export class IdParam extends createZodDto(z.strictObject({ id: z.uuid() })) {}

/** Optional free text: trimmed, bounded, and `null` clears it on update. */
export const optionalText = (max: number) => z.string().trim().max(max).nullish();
export const requiredName = z.string().trim().min(1).max(100);
export const phoneNumber = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{4,19}$/, 'a phone number: digits, optional leading +, spaces or dashes');
export const emailAddress = z
  .email()
  .max(254)
  .transform((email) => email.toLowerCase());
export const tagList = (label: string) => z.array(z.string().trim().min(1).max(50)).max(30).describe(label);

export const removalSchema = z.object({ id: z.uuid(), outcome: z.enum(['deleted', 'deactivated']) });
export class RemovalResponse extends createZodDto(removalSchema) {}
export type Removal = z.infer<typeof removalSchema>;

/** When a record was made and last changed, in the community's zone, which `timeZone` names. */
export const timestamps = {
  createdAt: zonedInstant,
  updatedAt: zonedInstant,
  timeZone: z.string().describe("the community's zone: the instants here are written in it"),
};
