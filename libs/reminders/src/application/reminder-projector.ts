import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import {
  APP_CONFIG,
  Clock,
  consumeEvents,
  pickEvents,
  SqlDatabase,
  type AppConfig,
  type ConsumeResult,
  type ContractEvent,
  type Sql,
} from '@linli/platform';
import { VOLUNTEERING_EVENTS } from '@linli/volunteering';
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
/** The volunteering events reminders act on, with volunteering's schemas (a refused payload is parked). */
export const REMINDER_EVENTS = pickEvents(VOLUNTEERING_EVENTS, [
  'ClaimConfirmed',
  'WaitlistPromoted',
  'ShiftChanged',
  'ClaimCancelled',
  'ShiftCancelled',
]);
type ReminderEvent = ContractEvent<typeof REMINDER_EVENTS>;
/** The events that put a person on a shift: their payloads name the person and the claim. */
type PlacedEvent = Extract<ReminderEvent, { type: 'ClaimConfirmed' | 'WaitlistPromoted' }>;
const BATCH_SIZE = 200;
const BATCHES_PER_TICK = 25;

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
    private readonly db: SqlDatabase,
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
      this.db,
      { consumer: REMINDER_CONSUMER, contracts: REMINDER_EVENTS, batchSize: options.batchSize ?? BATCH_SIZE },
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

  private async project(event: ReminderEvent, sql: Sql): Promise<{ scheduled: number; cancelled: number }> {
    const shiftId = event.aggregateId;
    const base = { communityId: event.communityId, shiftId };
    const reminderKinds = [NOTIFICATION_KINDS.shiftReminder];
    switch (event.type) {
      case 'ClaimConfirmed':
      case 'WaitlistPromoted': {
        const scheduled = await this.scheduleFor(event, sql, [event.payload.personId]);
        return { scheduled, cancelled: 0 };
      }
      case 'ShiftChanged': {
        const cancelled = await this.scheduler.cancelPending(sql, { ...base, kinds: reminderKinds });
        const confirmed = await new ReminderDirectory(sql).confirmedOn(event.communityId, shiftId);
        return { scheduled: await this.scheduleFor(event, sql, confirmed), cancelled };
      }
      case 'ClaimCancelled': {
        const cancelled = await this.scheduler.cancelPending(sql, {
          ...base,
          personIds: [event.payload.personId],
          kinds: reminderKinds,
        });
        return { scheduled: 0, cancelled };
      }
      case 'ShiftCancelled':
        return { scheduled: 0, cancelled: await this.scheduler.cancelPending(sql, base) };
    }
  }

  private async scheduleFor(
    event: PlacedEvent | Extract<ReminderEvent, { type: 'ShiftChanged' }>,
    sql: Sql,
    personIds: string[],
  ): Promise<number> {
    const { payload } = event;
    const recipients = await new ReminderDirectory(sql).recipients(event.communityId, personIds);
    const now = this.clock.now();
    const notifications: ScheduledNotification[] = [];
    for (const recipient of recipients.values()) {
      const shift: ShiftFacts = {
        title: payload.title,
        startsAt: new Date(payload.startsAt),
        endsAt: new Date(payload.endsAt),
        timeZone: recipient.timeZone,
        place: payload.locationText,
      };
      notifications.push(...this.reminders(event, recipient, shift, now));
      if (event.type === 'WaitlistPromoted')
        notifications.push(this.promotedNotice(event, recipient, shift, event.payload.claimId, now));
    }
    return this.scheduler.schedule(sql, notifications);
  }

  private reminders(
    event: ReminderEvent,
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
    event: ReminderEvent,
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
