import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { EntityManager } from '@mikro-orm/core';
import { APP_CONFIG, Clock, inSqlTransaction, type AppConfig } from '@linli/platform';
import { releaseNoticeMail } from '../domain/digest-mail';
import { mailLanguage } from '../domain/reminder-mail';
import {
  NOTIFICATION_KINDS,
  NotificationScheduler,
  type ScheduledNotification,
} from './notification-scheduler';

/** How long before an organisation's unassigned places are released its coordinators hear of it. */
export const RELEASE_NOTICE_LEAD_MINUTES = 120;

/**
 * Coordinators: a notice when their organisation still holds unassigned places that are released
 * within the lead time. Once per reservation and coordinator account (dedupe key), whichever worker
 * runs the tick.
 */
@Injectable()
export class ReservationReleaseNoticeTick {
  private readonly logger = new Logger(ReservationReleaseNoticeTick.name);

  constructor(
    private readonly em: EntityManager,
    private readonly scheduler: NotificationScheduler,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Interval(60_000)
  async tick(): Promise<void> {
    try {
      const queued = await this.runOnce();
      if (queued) this.logger.log(`queued ${queued} release notice(s)`);
    } catch (error) {
      this.logger.warn({ err: error }, 'release notices failed; retrying next tick');
    }
  }

  async runOnce(): Promise<number> {
    const now = this.clock.now();
    const until = new Date(now.getTime() + RELEASE_NOTICE_LEAD_MINUTES * 60_000);
    return inSqlTransaction(this.em.fork(), async (sql) => {
      const rows = await sql<{
        reservation_id: string;
        community_id: string;
        shift_id: string;
        title: string;
        starts_at: Date | string;
        release_at: Date | string;
        unassigned: number;
        organisation: string;
        time_zone: string;
        account_id: string;
        email: string;
        languages: string[] | null;
      }>(
        `SELECT r.id AS reservation_id, r.community_id, s.id AS shift_id, s.title, s.starts_at, r.release_at,
                r.places - r.assigned_count AS unassigned, o.name AS organisation, c.time_zone,
                a.id AS account_id, a.email, p.languages
           FROM organisation_reservation r
           JOIN shift s ON s.id = r.shift_id
           JOIN partner_organisation o ON o.id = r.organisation_id
           JOIN community c ON c.id = r.community_id
           JOIN account a ON a.organisation_id = r.organisation_id AND a.role = 'coordinator'
                         AND a.active AND a.email IS NOT NULL
           LEFT JOIN person p ON p.id = a.person_id
          WHERE r.status = 'active' AND r.places > r.assigned_count AND s.status <> 'cancelled'
            AND r.release_at > $1 AND r.release_at <= $2
            AND NOT EXISTS (SELECT 1 FROM mail_outbox m
                             WHERE m.community_id = r.community_id
                               AND m.dedupe_key = 'reservation_release:' || r.id || ':' || a.id)
          ORDER BY r.release_at
          LIMIT 1000`,
        [now, until],
      );
      const baseUrl = this.config.feeds?.publicBaseUrl ?? '';
      const notifications: ScheduledNotification[] = rows.map((row) => {
        const mail = releaseNoticeMail({
          language: mailLanguage(row.languages),
          organisation: row.organisation,
          shiftTitle: row.title,
          startsAt: new Date(row.starts_at),
          releaseAt: new Date(row.release_at),
          unassigned: row.unassigned,
          timeZone: row.time_zone,
          manageUrl: `${baseUrl}/shifts/${row.shift_id}`,
        });
        return {
          communityId: row.community_id,
          kind: NOTIFICATION_KINDS.reservationRelease,
          personId: null,
          shiftId: row.shift_id,
          recipientEmail: row.email,
          language: mail.language,
          subject: mail.subject,
          textBody: mail.text,
          htmlBody: mail.html,
          dedupeKey: `reservation_release:${row.reservation_id}:${row.account_id}`,
          availableAt: now,
          essential: true,
        };
      });
      return this.scheduler.schedule(sql, notifications);
    });
  }
}
