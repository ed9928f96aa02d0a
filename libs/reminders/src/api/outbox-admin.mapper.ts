import type { MailOutbox } from '@linli/platform';
import type { OutboxMessageResponse } from './outbox-admin.schema';

const iso = (value: Date | null | undefined) => (value ? value.toISOString() : null);

/** Bodies and invites stay out of the list: it is for seeing what happened, not reading mail. */
export function mapOutboxMessage(row: MailOutbox): OutboxMessageResponse {
  return {
    id: row.id,
    kind: row.kind,
    personId: row.personId ?? null,
    recipientEmail: row.recipientEmail,
    language: row.language,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    availableAt: row.availableAt.toISOString(),
    leaseUntil: iso(row.leaseUntil),
    sentAt: iso(row.sentAt),
    lastError: row.lastError ?? null,
    messageId: row.messageId ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
