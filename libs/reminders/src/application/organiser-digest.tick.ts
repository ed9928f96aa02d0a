import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { EntityManager } from '@mikro-orm/core';
import { APP_CONFIG, Clock, inSqlTransaction, type AppConfig, type Sql } from '@linli/platform';
import { digestMail, type DigestReservation, type DigestShift } from '../domain/digest-mail';
import { formatDay, instantOf, localParts, LOCAL_DAY_MS, minutesOfDay } from '../domain/local-time';
import { mailLanguage } from '../domain/reminder-mail';
import {
  NOTIFICATION_KINDS,
  NotificationScheduler,
  type ScheduledNotification,
} from './notification-scheduler';

/**
 * The organisers' daily digest: once the community's digest time has passed on its wall clock,
 * one message per active organiser account with an email, about tomorrow (local). The dedupe key
 * is per community, local date and account, so every worker may run this each minute.
 */
@Injectable()
export class OrganiserDigestTick {
  private readonly logger = new Logger(OrganiserDigestTick.name);

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
      if (queued) this.logger.log(`queued ${queued} digest(s)`);
    } catch (error) {
      this.logger.warn({ err: error }, 'digest failed; retrying next tick');
    }
  }

  async runOnce(): Promise<number> {
    const now = this.clock.now();
    return inSqlTransaction(this.em.fork(), async (sql) => {
      const communities = await sql<{ id: string; name: string; time_zone: string; digest_time: string }>(
        `SELECT c.id, c.name, c.time_zone, COALESCE(s.digest_time, '18:00') AS digest_time
           FROM community c LEFT JOIN reminder_settings s ON s.community_id = c.id
          WHERE COALESCE(s.digest_enabled, true)`,
      );
      let queued = 0;
      for (const community of communities) {
        const { day, minute } = localParts(now, community.time_zone);
        if (minute < minutesOfDay(community.digest_time)) continue;
        const date = formatDay(day);
        const [done] = await sql(
          `SELECT 1 FROM mail_outbox WHERE community_id = $1 AND kind = $2 AND dedupe_key LIKE $3 LIMIT 1`,
          [community.id, NOTIFICATION_KINDS.organiserDigest, `digest:${date}:%`],
        );
        if (done) continue;
        queued += await this.digest(sql, community, day, date);
      }
      return queued;
    });
  }

  private async digest(
    sql: Sql,
    community: { id: string; name: string; time_zone: string },
    today: number,
    date: string,
  ): Promise<number> {
    const zone = community.time_zone;
    const from = instantOf(today + LOCAL_DAY_MS, 0, zone);
    const to = instantOf(today + 2 * LOCAL_DAY_MS, 0, zone);
    const shifts = await sql<{
      id: string;
      title: string;
      starts_at: Date | string;
      capacity: number;
      confirmed_count: number;
      waitlisted: string;
    }>(
      `SELECT s.id, s.title, s.starts_at, s.capacity, s.confirmed_count,
              (SELECT count(*) FROM claim c WHERE c.shift_id = s.id AND c.status = 'waitlisted') AS waitlisted
         FROM shift s
        WHERE s.community_id = $1 AND s.status <> 'cancelled' AND s.starts_at >= $2 AND s.starts_at < $3
        ORDER BY s.starts_at, s.title
        LIMIT 500`,
      [community.id, from, to],
    );
    const reservations = await sql<{
      title: string;
      starts_at: Date | string;
      organisation: string;
      unassigned: number;
    }>(
      `SELECT s.title, s.starts_at, o.name AS organisation, r.places - r.assigned_count AS unassigned
         FROM organisation_reservation r
         JOIN shift s ON s.id = r.shift_id
         JOIN partner_organisation o ON o.id = r.organisation_id
        WHERE r.community_id = $1 AND r.status = 'active' AND r.places > r.assigned_count
          AND s.status <> 'cancelled' AND s.starts_at >= $2 AND s.starts_at < $3
        ORDER BY s.starts_at, o.name
        LIMIT 500`,
      [community.id, from, to],
    );
    const all: DigestShift[] = shifts.map((s) => ({
      id: s.id,
      title: s.title,
      startsAt: new Date(s.starts_at),
      capacity: s.capacity,
      confirmed: s.confirmed_count,
      waitlisted: Number(s.waitlisted),
    }));
    const unassigned: DigestReservation[] = reservations.map((r) => ({
      shiftTitle: r.title,
      startsAt: new Date(r.starts_at),
      organisation: r.organisation,
      unassigned: r.unassigned,
    }));
    const organisers = await sql<{ id: string; email: string; languages: string[] | null }>(
      `SELECT a.id, a.email, p.languages
         FROM account a LEFT JOIN person p ON p.id = a.person_id
        WHERE a.community_id = $1 AND a.role = 'organiser' AND a.active AND a.email IS NOT NULL`,
      [community.id],
    );
    const now = this.clock.now();
    const notifications: ScheduledNotification[] = organisers.map((organiser) => {
      const mail = digestMail({
        language: mailLanguage(organiser.languages),
        communityName: community.name,
        date: formatDay(today + LOCAL_DAY_MS),
        timeZone: zone,
        unfilled: all.filter((s) => s.confirmed < s.capacity),
        waitlisted: all.filter((s) => s.waitlisted > 0),
        unassigned,
        baseUrl: this.config.feeds?.publicBaseUrl ?? '',
      });
      return {
        communityId: community.id,
        kind: NOTIFICATION_KINDS.organiserDigest,
        personId: null,
        shiftId: null,
        recipientEmail: organiser.email,
        language: mail.language,
        subject: mail.subject,
        textBody: mail.text,
        htmlBody: mail.html,
        dedupeKey: `digest:${date}:${organiser.id}`,
        availableAt: now,
        essential: true,
      };
    });
    return this.scheduler.schedule(sql, notifications);
  }
}
