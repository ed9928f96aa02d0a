import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { APP_CONFIG, Clock, SqlDatabase, type AppConfig } from '@linli/platform';
import { releaseNoticeMail } from '../domain/digest-mail';
import { mailLanguage } from '../domain/reminder-mail';
import { dueReleaseNotices } from '../infra/release-notice.queries';
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
    private readonly db: SqlDatabase,
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
    return this.db.transaction(async (sql) => {
      const rows = await dueReleaseNotices(sql, now, until);
      const baseUrl = this.config.feeds?.publicBaseUrl ?? '';
      const notifications: ScheduledNotification[] = rows.map((row) => {
        const mail = releaseNoticeMail({
          language: mailLanguage(row.languages),
          organisation: row.organisation,
          shiftTitle: row.shiftTitle,
          startsAt: row.startsAt,
          releaseAt: row.releaseAt,
          unassigned: row.unassigned,
          timeZone: row.timeZone,
          manageUrl: `${baseUrl}/shifts/${row.shiftId}`,
        });
        return {
          communityId: row.communityId,
          kind: NOTIFICATION_KINDS.reservationRelease,
          personId: null,
          shiftId: row.shiftId,
          recipientEmail: row.email,
          language: mail.language,
          subject: mail.subject,
          textBody: mail.text,
          htmlBody: mail.html,
          dedupeKey: `reservation_release:${row.reservationId}:${row.accountId}`,
          availableAt: now,
          essential: true,
        };
      });
      return this.scheduler.schedule(sql, notifications);
    });
  }
}
