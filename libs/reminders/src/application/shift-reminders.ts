import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@linli/platform';
import { planReminders } from '../domain/reminder-plan';
import { mailLanguage, reminderMail, type ShiftFacts } from '../domain/reminder-mail';
import type { Recipient } from '../infra/reminder-directory';
import { NOTIFICATION_KINDS, type ScheduledNotification } from './notification-scheduler';
import { UnsubscribeTokens } from './unsubscribe-token';

/** Which shift, at which version: the version is in each reminder's dedupe key. */
export interface ShiftRef {
  communityId: string;
  shiftId: string;
  version: number;
}

/**
 * One person's reminders of one shift, by their preferences (offsets, quiet hours, opt-out): what
 * the projector queues when someone is placed or a shift changes, and what re-planning queues
 * when the person changes their preferences.
 */
@Injectable()
export class ShiftReminders {
  constructor(
    private readonly tokens: UnsubscribeTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  plan(ref: ShiftRef, recipient: Recipient, shift: ShiftFacts, now: Date): ScheduledNotification[] {
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
    const token = this.tokens.sign({ communityId: ref.communityId, personId: recipient.personId, kind });
    const mail = reminderMail({
      language: mailLanguage(recipient.languages),
      name: recipient.name,
      shift,
      manageUrl: this.manageUrl(ref.shiftId),
      unsubscribeUrl: `${this.baseUrl()}/api/v1/reminders/unsubscribe?token=${encodeURIComponent(token)}`,
    });
    return planned.map((reminder) => ({
      communityId: ref.communityId,
      kind,
      personId: recipient.personId,
      shiftId: ref.shiftId,
      recipientEmail: recipient.email,
      language: mail.language,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
      // The version is in the key: a moved shift's reminders are new messages.
      dedupeKey: `reminder:${ref.shiftId}:${recipient.personId}:${ref.version}:${reminder.offsetMinutes}`,
      availableAt: reminder.dueAt,
      essential: false,
    }));
  }

  baseUrl(): string {
    return this.config.feeds?.publicBaseUrl ?? '';
  }

  manageUrl(shiftId: string): string {
    return `${this.baseUrl()}/shifts/${shiftId}`;
  }
}
