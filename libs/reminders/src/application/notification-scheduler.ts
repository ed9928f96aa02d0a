import { Injectable } from '@nestjs/common';
import type { Sql } from '@linli/platform';

/** Kinds reminders writes. Essential kinds have no unsubscribe link and cannot be opted out of. */
export const NOTIFICATION_KINDS = {
  shiftReminder: 'shift_reminder',
  waitlistPromoted: 'waitlist_promoted',
  organiserDigest: 'organiser_digest',
  reservationRelease: 'reservation_release',
} as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[keyof typeof NOTIFICATION_KINDS];
/** What a person may unsubscribe from (the non-essential kinds). */
export const UNSUBSCRIBABLE_KINDS: readonly string[] = [NOTIFICATION_KINDS.shiftReminder];

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

/**
 * The reminders context's port for "this message should go out then" (the house's
 * NotificationScheduler). Works inside the caller's transaction (a `Sql` executor), so the
 * messages commit or roll back with the change that caused them.
 */
@Injectable()
export class NotificationScheduler {
  /**
   * Inserts once per (community, dedupe key). A row cancelled earlier under the same key (a
   * person who left a shift and came back at the same version) is revived with the new content;
   * a pending, sending, sent or failed row is left as it is. Returns how many rows were queued.
   */
  async schedule(sql: Sql, notifications: ScheduledNotification[]): Promise<number> {
    if (!notifications.length) return 0;
    const unique = [...new Map(notifications.map((n) => [`${n.communityId}/${n.dedupeKey}`, n])).values()];
    const column = <K extends keyof ScheduledNotification>(key: K) => unique.map((n) => n[key]);
    const rows = await sql(
      `INSERT INTO mail_outbox (id, community_id, kind, person_id, shift_id, recipient_email, language, subject,
                                text_body, html_body, dedupe_key, status, attempts, available_at, essential, created_at)
       SELECT gen_random_uuid(), m.community_id, m.kind, m.person_id, m.shift_id, m.recipient_email, m.language,
              m.subject, m.text_body, m.html_body, m.dedupe_key, 'pending', 0, m.available_at, m.essential, now()
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::text[], $11::timestamptz[], $12::boolean[])
           AS m(community_id, kind, person_id, shift_id, recipient_email, language, subject, text_body, html_body,
                dedupe_key, available_at, essential)
       ON CONFLICT (community_id, dedupe_key) DO UPDATE
          SET status = 'pending', attempts = 0, last_error = NULL, lease_until = NULL,
              available_at = EXCLUDED.available_at, recipient_email = EXCLUDED.recipient_email,
              language = EXCLUDED.language, subject = EXCLUDED.subject, text_body = EXCLUDED.text_body,
              html_body = EXCLUDED.html_body
        WHERE mail_outbox.status = 'cancelled'
       RETURNING id`,
      [
        column('communityId'),
        column('kind'),
        column('personId'),
        column('shiftId'),
        column('recipientEmail'),
        column('language'),
        column('subject'),
        column('textBody'),
        column('htmlBody'),
        column('dedupeKey'),
        column('availableAt'),
        column('essential'),
      ],
    );
    return rows.length;
  }

  /** Pending messages about a shift become `cancelled` (sent ones stay sent). Returns how many. */
  async cancelPending(sql: Sql, selection: CancelSelection): Promise<number> {
    const rows = await sql(
      `UPDATE mail_outbox SET status = 'cancelled', lease_until = NULL
        WHERE community_id = $1 AND shift_id = $2 AND status = 'pending'
          AND ($3::uuid[] IS NULL OR person_id = ANY($3::uuid[]))
          AND ($4::text[] IS NULL OR kind = ANY($4::text[]))
       RETURNING id`,
      [selection.communityId, selection.shiftId, selection.personIds ?? null, selection.kinds ?? null],
    );
    return rows.length;
  }
}
