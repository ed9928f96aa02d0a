import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { EntityManager } from '@mikro-orm/core';
import {
  APP_CONFIG,
  Clock,
  consumeEvents,
  type AppConfig,
  type ConsumeResult,
  type PublishedEvent,
  type Sql,
} from '@linli/platform';
import { planReminders } from '../domain/reminder-plan';
import { mailLanguage, reminderMail, waitlistPromotedMail, type ShiftFacts } from '../domain/reminder-mail';
import { ReminderDirectory, type Recipient } from '../infra/reminder-directory';
import {
  NOTIFICATION_KINDS,
  NotificationScheduler,
  type ScheduledNotification,
} from './notification-scheduler';
import { UnsubscribeTokens } from './unsubscribe-token';

export const REMINDER_CONSUMER = 'reminders';
const TYPES = ['ClaimConfirmed', 'WaitlistPromoted', 'ShiftChanged', 'ClaimCancelled', 'ShiftCancelled'];
const BATCH_SIZE = 200;
const BATCHES_PER_TICK = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ShiftPayload {
  title?: string;
  startsAt?: string;
  endsAt?: string;
  locationText?: string | null;
  personId?: string;
  claimId?: string;
}

export interface ProjectResult extends ConsumeResult {
  scheduled: number;
  cancelled: number;
}

/**
 * Turns shift events into reminders in mail_outbox, in order, with its own cursor ('reminders'):
 * a confirmed (or promoted) person gets their reminders; a changed shift's pending reminders are
 * cancelled and scheduled again for everyone confirmed at the new version; a cancelled claim or
 * shift cancels them. Everything it writes commits with the cursor, so each event acts once.
 */
@Injectable()
export class ReminderProjector {
  private readonly logger = new Logger(ReminderProjector.name);

  constructor(
    private readonly em: EntityManager,
    private readonly scheduler: NotificationScheduler,
    private readonly tokens: UnsubscribeTokens,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Interval(15_000)
  async tick(): Promise<void> {
    try {
      let scheduled = 0;
      for (let batch = 0; batch < BATCHES_PER_TICK; batch++) {
        const result = await this.projectOnce();
        scheduled += result.scheduled;
        if (!result.claimed || result.read < BATCH_SIZE) break;
      }
      if (scheduled) this.logger.log(`scheduled ${scheduled} notification(s)`);
    } catch (error) {
      this.logger.warn({ err: error }, 'reminder projection failed; retrying next tick');
    }
  }

  /** One batch of events; `claimed` is false when another worker is projecting right now. */
  async projectOnce(options: { batchSize?: number } = {}): Promise<ProjectResult> {
    let scheduled = 0;
    let cancelled = 0;
    const result = await consumeEvents(
      this.em.fork(),
      { consumer: REMINDER_CONSUMER, types: TYPES, batchSize: options.batchSize ?? BATCH_SIZE },
      async (events, sql) => {
        for (const event of events) {
          const counts = await this.project(event, sql);
          scheduled += counts.scheduled;
          cancelled += counts.cancelled;
        }
      },
    );
    return { ...result, scheduled, cancelled };
  }

  private async project(event: PublishedEvent, sql: Sql): Promise<{ scheduled: number; cancelled: number }> {
    const payload = event.payload as ShiftPayload;
    const shiftId = event.aggregateId;
    const base = { communityId: event.communityId, shiftId };
    const reminderKinds = [NOTIFICATION_KINDS.shiftReminder];
    switch (event.type) {
      case 'ClaimConfirmed':
      case 'WaitlistPromoted': {
        if (!isUuid(payload.personId)) return { scheduled: 0, cancelled: 0 };
        const scheduled = await this.scheduleFor(event, sql, [payload.personId]);
        return { scheduled, cancelled: 0 };
      }
      case 'ShiftChanged': {
        const cancelled = await this.scheduler.cancelPending(sql, { ...base, kinds: reminderKinds });
        const confirmed = await new ReminderDirectory(sql).confirmedOn(event.communityId, shiftId);
        return { scheduled: await this.scheduleFor(event, sql, confirmed), cancelled };
      }
      case 'ClaimCancelled': {
        if (!isUuid(payload.personId)) return { scheduled: 0, cancelled: 0 };
        const cancelled = await this.scheduler.cancelPending(sql, {
          ...base,
          personIds: [payload.personId],
          kinds: reminderKinds,
        });
        return { scheduled: 0, cancelled };
      }
      case 'ShiftCancelled':
        return { scheduled: 0, cancelled: await this.scheduler.cancelPending(sql, base) };
      default:
        return { scheduled: 0, cancelled: 0 };
    }
  }

  private async scheduleFor(event: PublishedEvent, sql: Sql, personIds: string[]): Promise<number> {
    const payload = event.payload as ShiftPayload;
    const startsAt = new Date(payload.startsAt ?? '');
    const endsAt = new Date(payload.endsAt ?? '');
    if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime())) {
      this.logger.warn({ eventId: event.id, type: event.type }, 'shift event without times: no reminders');
      return 0;
    }
    const recipients = await new ReminderDirectory(sql).recipients(event.communityId, personIds);
    const now = this.clock.now();
    const notifications: ScheduledNotification[] = [];
    for (const recipient of recipients.values()) {
      const shift: ShiftFacts = {
        title: payload.title ?? '',
        startsAt,
        endsAt,
        timeZone: recipient.timeZone,
        place: payload.locationText ?? null,
      };
      notifications.push(...this.reminders(event, recipient, shift, now));
      if (event.type === 'WaitlistPromoted' && isUuid(payload.claimId))
        notifications.push(this.promotedNotice(event, recipient, shift, payload.claimId, now));
    }
    return this.scheduler.schedule(sql, notifications);
  }

  private reminders(
    event: PublishedEvent,
    recipient: Recipient,
    shift: ShiftFacts,
    now: Date,
  ): ScheduledNotification[] {
    const kind = NOTIFICATION_KINDS.shiftReminder;
    if (recipient.unsubscribedKinds.includes(kind)) return [];
    const planned = planReminders({
      shiftStart: shift.startsAt,
      offsetsMinutes: recipient.offsetsMinutes,
      quiet: { start: recipient.quietStart, end: recipient.quietEnd },
      timeZone: recipient.timeZone,
      now,
    });
    if (!planned.length) return [];
    const token = this.tokens.sign({ communityId: event.communityId, personId: recipient.personId, kind });
    const mail = reminderMail({
      language: mailLanguage(recipient.languages),
      name: recipient.name,
      shift,
      manageUrl: this.manageUrl(event.aggregateId),
      unsubscribeUrl: `${this.baseUrl()}/api/v1/reminders/unsubscribe?token=${encodeURIComponent(token)}`,
    });
    return planned.map((reminder) => ({
      communityId: event.communityId,
      kind,
      personId: recipient.personId,
      shiftId: event.aggregateId,
      recipientEmail: recipient.email,
      language: mail.language,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
      // The version is in the key: a moved shift's reminders are new messages.
      dedupeKey: `reminder:${event.aggregateId}:${recipient.personId}:${event.version}:${reminder.offsetMinutes}`,
      availableAt: reminder.dueAt,
      essential: false,
    }));
  }

  private promotedNotice(
    event: PublishedEvent,
    recipient: Recipient,
    shift: ShiftFacts,
    claimId: string,
    now: Date,
  ): ScheduledNotification {
    const mail = waitlistPromotedMail({
      language: mailLanguage(recipient.languages),
      name: recipient.name,
      shift,
      manageUrl: this.manageUrl(event.aggregateId),
    });
    return {
      communityId: event.communityId,
      kind: NOTIFICATION_KINDS.waitlistPromoted,
      personId: recipient.personId,
      shiftId: event.aggregateId,
      recipientEmail: recipient.email,
      language: mail.language,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
      dedupeKey: `waitlist_promoted:${claimId}`,
      availableAt: now,
      essential: true,
    };
  }

  private baseUrl(): string {
    return this.config.feeds?.publicBaseUrl ?? '';
  }

  private manageUrl(shiftId: string): string {
    return `${this.baseUrl()}/shifts/${shiftId}`;
  }
}

function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
