import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, SqlDatabase, type Sql } from '@linli/platform';
import { DISPATCH_SETTINGS, type DispatchSettings } from './dispatch-settings';
import { MAIL_TRANSPORT, sendFailureOf, type MailTransport, type OutgoingMail } from './mail-transport';
import {
  claimDue,
  markFailed,
  markRetry,
  markSent,
  type ClaimedMail,
  type Hold,
} from '../infra/outbox-dispatch.repository';
import { decideAfterFailure } from './retry-policy';

export interface DispatchResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  /** Outcomes not recorded because the lease ran out and the row was no longer ours. */
  lost: number;
}

/**
 * Sends due mail_outbox rows: claim (short transaction, SKIP LOCKED, lease, attempts+1), send
 * outside any transaction, then record each outcome if the row is still ours. Any number of
 * workers may run this against one database; a row is sent once, except when a worker dies after
 * the server accepted a message but before marking it: then the row is sent again after the lease,
 * with the same Message-ID, so the receiving server can drop the copy.
 */
@Injectable()
export class OutboxDispatcher {
  private readonly logger = new Logger(OutboxDispatcher.name);

  constructor(
    private readonly db: SqlDatabase,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(DISPATCH_SETTINGS) private readonly settings: DispatchSettings,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async dispatchOnce(options: { batch?: number; leaseSeconds?: number } = {}): Promise<DispatchResult> {
    const batch = options.batch ?? this.settings.batch;
    const leaseSeconds = options.leaseSeconds ?? this.settings.leaseSeconds;
    const claimedAt = this.clock.now();
    const leaseUntil = new Date(claimedAt.getTime() + leaseSeconds * 1000);
    const rows = await this.sql((sql) => claimDue(sql, claimedAt, leaseUntil, batch));
    const result: DispatchResult = { claimed: rows.length, sent: 0, retried: 0, failed: 0, lost: 0 };
    if (rows.length === 0) return result;

    const sent: Hold[] = [];
    const retries: (Hold & { availableAt: Date; error: string })[] = [];
    const failures: (Hold & { error: string })[] = [];
    const random = this.settings.random ?? Math.random;

    await Promise.all(
      rows.map(async (row) => {
        const hold = { id: row.id, attempts: row.attempts };
        // Claimed again and again with the lease running out: something kills workers on this row.
        if (row.attempts > this.settings.maxAttempts) {
          failures.push({ ...hold, error: `lease expired on ${row.attempts - 1} attempts (worker died?)` });
          return;
        }
        try {
          await this.transport.send(this.outgoing(row));
          sent.push(hold);
        } catch (error) {
          const decision = decideAfterFailure(
            sendFailureOf(error),
            row.attempts,
            this.settings.maxAttempts,
            this.settings.backoff,
            random(),
          );
          if (decision.action === 'retry') {
            const availableAt = new Date(this.clock.now().getTime() + decision.delayMs);
            retries.push({ ...hold, availableAt, error: decision.reason });
          } else {
            this.logger.warn(
              { outboxId: row.id, kind: row.kind, attempts: row.attempts, reason: decision.reason },
              'mail failed; not retrying',
            );
            failures.push({ ...hold, error: decision.reason });
          }
        }
      }),
    );

    const now = this.clock.now();
    const [marked, retried, failed] = await this.sql(async (sql) => [
      await markSent(sql, sent, leaseUntil, now),
      await markRetry(sql, retries, leaseUntil),
      await markFailed(sql, failures, leaseUntil),
    ]);
    result.sent = marked;
    result.retried = retried;
    result.failed = failed;
    result.lost = sent.length + retries.length + failures.length - marked - retried - failed;
    if (result.lost > 0) {
      this.logger.warn({ lost: result.lost, leaseSeconds }, 'lease ran out before outcomes were recorded');
    }
    return result;
  }

  private outgoing(row: ClaimedMail): OutgoingMail {
    return {
      id: row.id,
      communityId: row.community_id,
      kind: row.kind,
      from: this.settings.from,
      to: row.recipient_email,
      subject: row.subject,
      text: row.text_body,
      html: row.html_body,
      ics: row.ics,
      icsMethod: row.ics_method,
      messageId: messageIdFor(row, this.settings.messageIdDomain),
    };
  }

  /** A short transaction of its own on the platform's SQL pool (the claim, then the outcomes). */
  private sql<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return this.db.transaction((sql) => work(sql));
  }
}

/** The row's own Message-ID if it has one (bracketed as RFC 5322 wants), else one made from its id. */
export function messageIdFor(row: { id: string; message_id: string | null }, domain: string): string {
  const own = row.message_id?.trim();
  if (!own) return `<${row.id}@${domain}>`;
  return own.startsWith('<') ? own : `<${own}>`;
}
