import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { ROLES, listQuerySchema, pageSchema, zonedInstant } from '@linli/platform';
import { PARTNER_KIND_VALUES } from '../domain/partner-kind';

export class LoginRequest extends createZodDto(
  z.strictObject({
    login: z.string().trim().min(1).max(254).describe('email or phone number'),
    password: z.string().min(1).max(200),
  }),
) {}

export const meSchema = z.object({
  account: z.object({
    id: z.uuid(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    role: z.enum(ROLES),
  }),
  community: z.object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    timeZone: z.string(),
    locale: z.string(),
  }),
  person: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  organisation: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(PARTNER_KIND_VALUES) }).nullable(),
});
export type MeResponse = z.infer<typeof meSchema>;
export class MeDto extends createZodDto(meSchema) {}

export const loginResponseSchema = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int().describe('seconds'),
  me: meSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;
export class LoginResponseDto extends createZodDto(loginResponseSchema) {}

export class CreateAccountRequest extends createZodDto(
  z
    .strictObject({
      email: z
        .email()
        .max(254)
        .transform((email) => email.toLowerCase())
        .optional(),
      phone: z
        .string()
        .trim()
        .regex(/^\+?[0-9]{5,20}$/, 'digits, optional leading +')
        .optional(),
      password: z.string().min(10, 'at least 10 characters').max(200),
      role: z.enum(ROLES),
      personId: z.uuid().optional(),
      organisationId: z.uuid().optional(),
    })
    .refine((body) => body.email || body.phone, { message: 'email or phone is required', path: ['email'] })
    .refine((body) => (body.role === 'coordinator') === Boolean(body.organisationId), {
      message: 'organisationId is required for coordinators and only for them',
      path: ['organisationId'],
    })
    .refine((body) => body.role === 'organiser' || body.personId, {
      message: 'personId is required for volunteers and coordinators',
      path: ['personId'],
    }),
) {}

export const accountSchema = z.object({
  id: z.uuid(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  role: z.enum(ROLES),
  personId: z.uuid().nullable(),
  organisationId: z.uuid().nullable(),
  active: z.boolean(),
  lastLoginAt: zonedInstant.nullable(),
  createdAt: zonedInstant,
  timeZone: z.string().describe("the community's zone: the instants here are written in it"),
});
export type AccountResponse = z.infer<typeof accountSchema>;
export class AccountDto extends createZodDto(accountSchema) {}
export class AccountPageDto extends createZodDto(pageSchema(accountSchema)) {}

/** Disabling an account ends its access tokens at once; enabling it again does not revive them. */
export class UpdateAccountRequest extends createZodDto(z.strictObject({ active: z.boolean() })) {}

export class ListAccountsQuery extends createZodDto(listQuerySchema(['createdAt', 'role'])) {}
