import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import {
  Clock,
  consumeEvents,
  errorCodeEntry,
  pickEvents,
  SqlDatabase,
  type ConsumeResult,
  type ContractEvent,
  type Sql,
} from '@linli/platform';
import { VOLUNTEERING_EVENTS } from '@linli/volunteering';
import {
  commitmentRefusedMail,
  mailLanguage,
  placeReleasedMail,
  waitlistPromotedMail,
  type RenderedMail,
  type ShiftFacts,
} from '../domain/reminder-mail';
import { ReminderDirectory, type Recipient } from '../infra/reminder-directory';
import {
  NOTIFICATION_KINDS,
  NotificationScheduler,
  type ScheduledNotification,
} from './notification-scheduler';
import { ShiftReminders } from './shift-reminders';

export const REMINDER_CONSUMER = 'reminders';
/** The volunteering events reminders act on, with volunteering's schemas (a refused payload is parked). */
export const REMINDER_EVENTS = pickEvents(VOLUNTEERING_EVENTS, [
  'ClaimConfirmed',
  'WaitlistPromoted',
  'ShiftChanged',
  'ClaimCancelled',
  'ShiftCancelled',
  'CommitmentRefused',
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
    private readonly shiftReminders: ShiftReminders,
    @Inject(Clock) private readonly clock: Clock,
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
        // A series move put the shift onto another of their shifts: tell them their place went.
        const scheduled =
          event.payload.reason === 'overlaps'
            ? await this.notify(event, sql, [event.payload.personId], NOTIFICATION_KINDS.placeReleased)
            : 0;
        return { scheduled, cancelled };
      }
      case 'ShiftCancelled':
        return { scheduled: 0, cancelled: await this.scheduler.cancelPending(sql, base) };
      case 'CommitmentRefused': {
        const { personId, organisationId } = event.payload;
        const directory = new ReminderDirectory(sql);
        const people = personId
          ? [personId]
          : organisationId
            ? await directory.coordinatorsOf(event.communityId, organisationId)
            : [];
        return {
          scheduled: await this.notify(event, sql, people, NOTIFICATION_KINDS.commitmentRefused),
          cancelled: 0,
        };
      }
    }
  }

  /**
   * One essential notice per person about this event (its id in the dedupe key: a replayed event
   * notifies nobody twice): a released place, or an occurrence a standing commitment could not take.
   */
  private async notify(
    event: Extract<ReminderEvent, { type: 'ClaimCancelled' | 'CommitmentRefused' }>,
    sql: Sql,
    personIds: string[],
    kind: typeof NOTIFICATION_KINDS.placeReleased | typeof NOTIFICATION_KINDS.commitmentRefused,
  ): Promise<number> {
    const recipients = await new ReminderDirectory(sql).recipients(event.communityId, personIds);
    const now = this.clock.now();
    const notifications = [...recipients.values()].map((recipient): ScheduledNotification => {
      const language = mailLanguage(recipient.languages);
      const input = {
        language,
        name: recipient.name,
        shift: this.shiftFacts(event.payload, recipient),
        manageUrl: this.manageUrl(event.aggregateId),
      };
      let mail: RenderedMail;
      if (event.type === 'CommitmentRefused') {
        const entry = errorCodeEntry(event.payload.code);
        const why = entry ? (language === 'en' ? entry.en : entry.zh) : event.payload.code;
        mail = commitmentRefusedMail({ ...input, why });
      } else {
        mail = placeReleasedMail(input);
      }
      return essentialNotice(event, recipient, kind, mail, `${kind}:${event.id}:${recipient.personId}`, now);
    });
    return this.scheduler.schedule(sql, notifications);
  }

  private shiftFacts(
    payload: { title: string; startsAt: string; endsAt: string; locationText: string | null },
    recipient: Recipient,
  ): ShiftFacts {
    return {
      title: payload.title,
      startsAt: new Date(payload.startsAt),
      endsAt: new Date(payload.endsAt),
      timeZone: recipient.timeZone,
      place: payload.locationText,
    };
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
      const shift = this.shiftFacts(payload, recipient);
      notifications.push(
        ...this.shiftReminders.plan(
          { communityId: event.communityId, shiftId: event.aggregateId, version: event.version },
          recipient,
          shift,
          now,
        ),
      );
      if (event.type === 'WaitlistPromoted')
        notifications.push(this.promotedNotice(event, recipient, shift, event.payload.claimId, now));
    }
    return this.scheduler.schedule(sql, notifications);
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
    return essentialNotice(
      event,
      recipient,
      NOTIFICATION_KINDS.waitlistPromoted,
      mail,
      `waitlist_promoted:${claimId}`,
      now,
    );
  }

  private manageUrl(shiftId: string): string {
    return this.shiftReminders.manageUrl(shiftId);
  }
}

/** A notice about one shift event, due now, that no unsubscribe stops. */
function essentialNotice(
  event: { communityId: string; aggregateId: string },
  recipient: Recipient,
  kind: string,
  mail: RenderedMail,
  dedupeKey: string,
  now: Date,
): ScheduledNotification {
  return {
    communityId: event.communityId,
    kind,
    personId: recipient.personId,
    shiftId: event.aggregateId,
    recipientEmail: recipient.email,
    language: mail.language,
    subject: mail.subject,
    textBody: mail.text,
    htmlBody: mail.html,
    dedupeKey,
    availableAt: now,
    essential: true,
  };
}
