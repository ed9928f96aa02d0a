import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { booleanQuery, listQuerySchema, pageSchema, zonedInstant } from '@linli/platform';
import { SCOPE_KIND_PATTERN } from '../domain/subscription-scope';

// Kinds are contributed by contexts at boot (CalendarScopes), so the service, not this schema,
// knows the list; an unknown kind answers 400 on body.scope.kind all the same.
const scopeKind = z
  .string()
  .regex(SCOPE_KIND_PATTERN, 'a scope kind: lower-case letters, digits and -')
  .describe(
    'person: one volunteer; organisation: a partner organisation; estate; venue; community: everything; ' +
      'or a kind another context contributes',
  );

const requestedScope = z
  .strictObject({
    kind: scopeKind,
    id: z.uuid().optional().describe('Left out: your own person, or the organisation you coordinate'),
  })
  .refine((scope) => scope.kind !== 'community' || scope.id === undefined, {
    message: 'the community scope takes no id',
    path: ['id'],
  });

export class CreateSubscriptionRequest extends createZodDto(
  z.strictObject({
    scope: requestedScope,
    label: z.string().trim().min(1).max(100).optional().describe('e.g. 我的手机'),
  }),
) {}

export class ListSubscriptionsQuery extends createZodDto(
  listQuerySchema(['createdAt', 'lastUsedAt']).extend({
    sort: z.enum(['-createdAt', 'createdAt', '-lastUsedAt', 'lastUsedAt']).default('-createdAt'),
    includeRevoked: booleanQuery.optional(),
  }),
) {}

export class SubscriptionIdParam extends createZodDto(z.strictObject({ id: z.uuid() })) {}

const scopeSchema = z.object({ kind: scopeKind, id: z.uuid().nullable() });

/** A subscription as listed: never its token or URL (only the hash is kept). */
export const subscriptionSchema = z.object({
  id: z.uuid(),
  scope: scopeSchema,
  label: z.string().nullable(),
  ownerAccountId: z.uuid(),
  createdAt: zonedInstant,
  lastUsedAt: zonedInstant.nullable(),
  revokedAt: zonedInstant.nullable(),
  rotatedFromId: z.uuid().nullable(),
  timeZone: z.string().describe("the community's zone: the instants here are written in it"),
});
export type SubscriptionResponse = z.infer<typeof subscriptionSchema>;
export class SubscriptionDto extends createZodDto(subscriptionSchema) {}
export class SubscriptionPageDto extends createZodDto(pageSchema(subscriptionSchema)) {}

/** The answer to create and rotate: the only time the URL (and so the token) is ever shown. */
export const issuedSubscriptionSchema = subscriptionSchema.extend({
  url: z.url().describe('https://…/cal/{token}.ics: paste into any calendar app'),
  webcalUrl: z.string().describe('webcal://…: opens the phone calendar’s subscribe dialog'),
  googleCalendarUrl: z.url().describe('Google Calendar “add by URL”'),
  qrPng: z.string().describe('data:image/png;base64 QR code of the webcal URL'),
  qrSvg: z.string().describe('SVG QR code of the webcal URL'),
});
export type IssuedSubscriptionResponse = z.infer<typeof issuedSubscriptionSchema>;
export class IssuedSubscriptionDto extends createZodDto(issuedSubscriptionSchema) {}
