import { Injectable } from '@nestjs/common';
import type { Sql } from '@linli/platform';
import type { CancelSelection, ScheduledNotification } from '../domain/notification';
import { NotificationOutbox } from '../infra/notification-outbox.repository';

export type { CancelSelection, ScheduledNotification } from '../domain/notification';

/** Kinds reminders writes. Essential kinds have no unsubscribe link and cannot be opted out of. */
export const NOTIFICATION_KINDS = {
  shiftReminder: 'shift_reminder',
  waitlistPromoted: 'waitlist_promoted',
  organiserDigest: 'organiser_digest',
  reservationRelease: 'reservation_release',
  /** A series moved a shift onto another of the person's shifts: their place on it was released. */
  placeReleased: 'place_released',
  /** A standing commitment could not take one occurrence (the rule that refused it). */
  commitmentRefused: 'commitment_refused',
} as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[keyof typeof NOTIFICATION_KINDS];
/** What a person may unsubscribe from (the non-essential kinds). */
export const UNSUBSCRIBABLE_KINDS: readonly string[] = [NOTIFICATION_KINDS.shiftReminder];

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
    return new NotificationOutbox(sql).insert(unique);
  }

  /** Pending messages about a shift become `cancelled` (sent ones stay sent). Returns how many. */
  async cancelPending(sql: Sql, selection: CancelSelection): Promise<number> {
    return new NotificationOutbox(sql).cancelPending(selection);
  }
}
