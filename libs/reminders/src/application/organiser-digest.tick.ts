import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { APP_CONFIG, Clock, SqlDatabase, type AppConfig, type Sql } from '@linli/platform';
import { digestMail } from '../domain/digest-mail';
import { formatDay, instantOf, localParts, LOCAL_DAY_MS, minutesOfDay } from '../domain/local-time';
import { mailLanguage } from '../domain/reminder-mail';
import { DigestQueries, type DigestCommunity } from '../infra/digest.queries';
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
    private readonly db: SqlDatabase,
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
    return this.db.transaction(async (sql) => {
      const queries = new DigestQueries(sql);
      const communities = await queries.communitiesWithDigest();
      let queued = 0;
      for (const community of communities) {
        const { day, minute } = localParts(now, community.timeZone);
        if (minute < minutesOfDay(community.digestTime)) continue;
        const date = formatDay(day);
        if (await queries.queued(community.id, NOTIFICATION_KINDS.organiserDigest, date)) continue;
        queued += await this.digest(sql, community, day, date);
      }
      return queued;
    });
  }

  private async digest(sql: Sql, community: DigestCommunity, today: number, date: string): Promise<number> {
    const zone = community.timeZone;
    const from = instantOf(today + LOCAL_DAY_MS, 0, zone);
    const to = instantOf(today + 2 * LOCAL_DAY_MS, 0, zone);
    const queries = new DigestQueries(sql);
    const all = await queries.shifts(community.id, from, to);
    const unassigned = await queries.unassignedReservations(community.id, from, to);
    const organisers = await queries.organisers(community.id);
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
        dedupeKey: `digest:${date}:${organiser.accountId}`,
        availableAt: now,
        essential: true,
      };
    });
    return this.scheduler.schedule(sql, notifications);
  }
}
