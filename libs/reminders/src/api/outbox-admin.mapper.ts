import { formatInstant, formatOptionalInstant, type MailOutbox } from '@linli/platform';
import type { OutboxMessageResponse } from './outbox-admin.schema';

/**
 * Bodies and invites stay out of the list: it is for seeing what happened, not reading mail.
 * Instants in the community's zone (`zone`).
 */
export function mapOutboxMessage(row: MailOutbox, zone: string): OutboxMessageResponse {
  return {
    id: row.id,
    kind: row.kind,
    personId: row.personId ?? null,
    recipientEmail: row.recipientEmail,
    language: row.language,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    availableAt: formatInstant(row.availableAt, zone),
    leaseUntil: formatOptionalInstant(row.leaseUntil, zone),
    sentAt: formatOptionalInstant(row.sentAt, zone),
    lastError: row.lastError ?? null,
    messageId: row.messageId ?? null,
    createdAt: formatInstant(row.createdAt, zone),
    timeZone: zone,
  };
}
