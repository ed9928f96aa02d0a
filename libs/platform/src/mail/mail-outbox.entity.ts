import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];
export const ICS_METHODS = ['REQUEST', 'CANCEL', 'PUBLISH'] as const;
export type IcsMethod = (typeof ICS_METHODS)[number];

/**
 * Mail waiting to be sent, written in the transaction that decided it. Producers (calendar
 * invites now, reminders next) insert with ON CONFLICT DO NOTHING on the dedupe key, so a message
 * is queued once however often its producer runs; the dispatcher (reminders issue) claims pending
 * rows with FOR UPDATE SKIP LOCKED.
 */
@Entity({ tableName: 'mail_outbox' })
@Unique({ properties: ['communityId', 'dedupeKey'] })
@Index({ properties: ['status', 'availableAt'] })
@Index({ properties: ['communityId', 'shiftId'] })
export class MailOutbox {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  communityId!: string;

  /** e.g. shift_invite, shift_cancel. */
  @Property({ type: 'text' })
  kind!: string;

  /** The person the mail is for, when it is for a person. */
  @Property({ type: 'uuid', nullable: true })
  personId?: string | null;

  @Property({ type: 'text' })
  recipientEmail!: string;

  /** BCP 47 tag the subject and body are written in. */
  @Property({ type: 'text' })
  language!: string;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  textBody!: string;

  @Property({ type: 'text', nullable: true })
  htmlBody?: string | null;

  /** An iCalendar (iTIP) body, sent with nodemailer's `icalEvent: { method, content }`. */
  @Property({ type: 'text', nullable: true })
  ics?: string | null;

  @Enum({ items: () => ICS_METHODS, type: 'text', nullable: true })
  icsMethod?: IcsMethod | null;

  /** Unique per community: what makes the message the same message. */
  @Property({ type: 'text' })
  dedupeKey!: string;

  @Enum({ items: () => MAIL_STATUSES, type: 'text' })
  status: MailStatus = 'pending';

  @Property({ type: 'integer' })
  attempts: number = 0;

  /** Not sent before this instant (backoff after a failed attempt). */
  @Property({ type: 'datetime' })
  availableAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /** While `sending`: the dispatcher's lease; once past, the row is due again (its worker died). */
  @Property({ type: 'datetime', nullable: true })
  leaseUntil?: Date | null;

  /** Deterministic Message-ID, so a resend after a crash can be dropped by mail servers. */
  @Property({ type: 'text', nullable: true })
  messageId?: string | null;

  /** Non-essential kinds (reminders, digests) carry an unsubscribe link; essential ones do not. */
  @Property({ type: 'boolean', default: true })
  essential: boolean = true;

  /** The shift the message is about, so its pending reminders can be cancelled or rescheduled. */
  @Property({ type: 'uuid', nullable: true })
  shiftId?: string | null;
}
