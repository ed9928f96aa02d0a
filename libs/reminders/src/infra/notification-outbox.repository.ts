import type { Sql } from '@linli/platform';
import type { CancelSelection, ScheduledNotification } from '../domain/notification';

/**
 * Reminders' writes to mail_outbox (platform's shared table), on the caller's transaction: one
 * statement per batch, whatever its size.
 */
export class NotificationOutbox {
  constructor(private readonly sql: Sql) {}

  /**
   * Inserts once per (community, dedupe key). A row cancelled earlier under the same key (a
   * person who left a shift and came back at the same version) is revived with the new content;
   * a pending, sending, sent or failed row is left as it is. Returns how many rows were queued.
   * `notifications` must not repeat a key (one statement cannot touch a row twice).
   */
  async insert(notifications: readonly ScheduledNotification[]): Promise<number> {
    if (!notifications.length) return 0;
    const column = <K extends keyof ScheduledNotification>(key: K) => notifications.map((n) => n[key]);
    const rows = await this.sql(
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
  async cancelPending(selection: CancelSelection): Promise<number> {
    const rows = await this.sql(
      `UPDATE mail_outbox SET status = 'cancelled', lease_until = NULL
        WHERE community_id = $1 AND shift_id = $2 AND status = 'pending'
          AND ($3::uuid[] IS NULL OR person_id = ANY($3::uuid[]))
          AND ($4::text[] IS NULL OR kind = ANY($4::text[]))
       RETURNING id`,
      [selection.communityId, selection.shiftId, selection.personIds ?? null, selection.kinds ?? null],
    );
    return rows.length;
  }

  /**
   * A person's pending messages of these kinds, due after `after`, become `cancelled` (across
   * shifts: their preferences changed). Ones already due stay, so a reminder the dispatcher has
   * not reached yet is not lost. Returns how many.
   */
  async cancelPendingOfPerson(
    communityId: string,
    personId: string,
    kinds: string[],
    after: Date,
  ): Promise<number> {
    const rows = await this.sql(
      `UPDATE mail_outbox SET status = 'cancelled', lease_until = NULL
        WHERE community_id = $1 AND person_id = $2 AND kind = ANY($3::text[]) AND status = 'pending'
          AND available_at > $4
       RETURNING id`,
      [communityId, personId, kinds, after],
    );
    return rows.length;
  }
}
