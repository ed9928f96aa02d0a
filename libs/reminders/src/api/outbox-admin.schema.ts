import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { MAIL_STATUSES, listQuerySchema, pageSchema, zonedInstant } from '@linli/platform';

export class OutboxListQuery extends createZodDto(
  listQuerySchema(['createdAt', 'availableAt']).extend({
    sort: z.enum(['-createdAt', 'createdAt', '-availableAt', 'availableAt']).default('-createdAt'),
    status: z.enum(MAIL_STATUSES).optional(),
    kind: z.string().trim().min(1).max(64).optional().describe('e.g. shift_invite, shift_reminder'),
  }),
) {}

export class OutboxIdParam extends createZodDto(z.strictObject({ id: z.uuid() })) {}

export const outboxMessageSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  personId: z.uuid().nullable(),
  recipientEmail: z.string(),
  language: z.string(),
  subject: z.string(),
  status: z.enum(MAIL_STATUSES),
  attempts: z.number().int(),
  availableAt: zonedInstant.describe('Due at; after a temporary failure, when the next attempt is'),
  leaseUntil: zonedInstant.nullable().describe('While sending: until when the worker holds it'),
  sentAt: zonedInstant.nullable(),
  lastError: z.string().nullable().describe('Why the last attempt failed (SMTP code and reply)'),
  messageId: z.string().nullable(),
  createdAt: zonedInstant,
  timeZone: z.string().describe("the community's zone: the instants here are written in it"),
});
export type OutboxMessageResponse = z.infer<typeof outboxMessageSchema>;
export class OutboxMessageDto extends createZodDto(outboxMessageSchema) {}
export class OutboxPageDto extends createZodDto(pageSchema(outboxMessageSchema)) {}

export class MailboxListQuery extends createZodDto(
  z.strictObject({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  }),
) {}

export const mailboxEntrySchema = z.object({
  id: z.uuid().describe('The outbox message id'),
  subject: z.string(),
  to: z.string(),
  from: z.string(),
  date: zonedInstant.nullable().describe("the message's Date header"),
  messageId: z.string().nullable(),
  kind: z.string().nullable(),
  path: z.string().describe('The .eml file, relative to DATA_DIR'),
  size: z.number().int(),
  timeZone: z.string().describe("the community's zone: date is written in it"),
});
export class MailboxPageDto extends createZodDto(pageSchema(mailboxEntrySchema)) {}
