import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import {
  APP_CONFIG,
  type AppConfig,
  Clock,
  consumeEvents,
  SqlDatabase,
  type ConsumeResult,
  type ContractEvent,
  type EventContracts,
  type Sql,
} from '@linli/platform';
import { decideInvites, intentKey, inviteKey, type InviteMessage } from '../domain/invite-decisions';
import { inviteOrganizer, renderInvite, type InviteOrganizer } from '../domain/invite-itip';
import { inviteMail } from '../domain/invite-mail';
import { InviteStore, type QueuedMail } from '../infra/invite-store';
import { InvitePlannerRegistry } from './invite-planners';

export const INVITE_CONSUMER = 'calendar-invites';
const BATCH_SIZE = 200;
/** Batches one tick works through at most; the rest waits for the next tick. */
const BATCHES_PER_TICK = 25;

/**
 * Turns domain events into iTIP invites by email: reads outbox_event after its cursor (any number
 * of workers, one at a time per batch: FOR UPDATE SKIP LOCKED), asks the planners what each event
 * means for whom, decides REQUEST / CANCEL and SEQUENCE against what each person was last sent,
 * and queues the messages in mail_outbox, all in the transaction that moves the cursor. Sending
 * is the mail dispatcher's job (reminders issue).
 */
@Injectable()
export class InviteProjector {
  private readonly logger = new Logger(InviteProjector.name);
  /** The mail's sender (MAIL_FROM) is the ORGANIZER of every invite (RFC 6047). */
  private readonly organizer: InviteOrganizer;

  constructor(
    private readonly db: SqlDatabase,
    private readonly planners: InvitePlannerRegistry,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.organizer = inviteOrganizer(config.mail.from);
  }

  @Interval(15_000)
  async tick(): Promise<void> {
    try {
      let queued = 0;
      for (let batch = 0; batch < BATCHES_PER_TICK; batch++) {
        const result = await this.projectOnce();
        queued += result.queued;
        if (!result.claimed || result.read < BATCH_SIZE) break;
      }
      if (queued) this.logger.log(`queued ${queued} invite(s)`);
    } catch (error) {
      this.logger.warn({ err: error }, 'invite projection failed; retrying next tick');
    }
  }

  /** One batch of events; `claimed` is false when another worker is projecting right now. */
  async projectOnce(
    options: { batchSize?: number; gapGraceSeconds?: number } = {},
  ): Promise<ConsumeResult & { queued: number }> {
    let queued = 0;
    const result = await consumeEvents(
      this.db,
      {
        consumer: INVITE_CONSUMER,
        contracts: this.planners.contracts(),
        batchSize: options.batchSize ?? BATCH_SIZE,
        gapGraceSeconds: options.gapGraceSeconds,
      },
      async (events, sql) => {
        queued = await this.project(events, sql);
      },
    );
    return { ...result, queued };
  }

  private async project(events: ContractEvent<EventContracts>[], sql: Sql): Promise<number> {
    const now = this.clock.now();
    const planned = await Promise.all(
      this.planners.all().map((planner) => {
        const mine = events.filter((event) => Object.hasOwn(planner.contracts, event.type));
        return mine.length ? planner.plan(mine) : [];
      }),
    );
    const intents = planned.flat();
    if (!intents.length) return 0;
    const store = new InviteStore(sql);
    const keys = [...new Map(intents.map((i) => [intentKey(i), i])).values()].map((i) => ({
      communityId: i.communityId,
      uid: i.entry.uid,
      personId: i.recipient.personId,
    }));
    const before = new Map((await store.states(keys)).map((state) => [inviteKey(state), state]));
    const { messages, states } = decideInvites(before, intents, now);
    const queued = await store.queue(messages.map((message) => this.mail(message, now)));
    await store.saveStates(states, now);
    return queued;
  }

  private mail({ intent, method, sequence }: InviteMessage, now: Date): QueuedMail {
    const { recipient, entry } = intent;
    const mail = inviteMail(recipient, intent.change, method, entry);
    return {
      communityId: intent.communityId,
      kind: `${intent.subject}_${method === 'CANCEL' ? 'cancel' : 'invite'}`,
      personId: recipient.personId,
      recipientEmail: recipient.email,
      language: mail.language,
      subject: mail.subject,
      textBody: mail.text,
      ics: renderInvite(entry, method, sequence, recipient, this.organizer),
      icsMethod: method,
      dedupeKey: `itip:${entry.uid}:${recipient.personId}:${sequence}:${method}`,
      availableAt: now,
    };
  }
}
