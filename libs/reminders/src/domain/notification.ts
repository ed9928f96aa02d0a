/** A message to queue in mail_outbox. */
export interface ScheduledNotification {
  communityId: string;
  kind: string;
  personId: string | null;
  shiftId: string | null;
  recipientEmail: string;
  language: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  /** Same key, same message: scheduling twice queues it once. */
  dedupeKey: string;
  /** Due time: the dispatcher sends it at or after this instant. */
  availableAt: Date;
  essential: boolean;
}

export interface CancelSelection {
  communityId: string;
  shiftId: string;
  /** Only these people's messages; all recipients when left out. */
  personIds?: string[];
  /** Only these kinds; all kinds when left out. */
  kinds?: string[];
}
