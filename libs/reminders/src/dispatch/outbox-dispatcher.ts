import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, SqlDatabase } from '@linli/platform';
import { DISPATCH_SETTINGS, type DispatchSettings } from './dispatch-settings';
import { MAIL_TRANSPORT, sendFailureOf, type MailTransport, type OutgoingMail } from './mail-transport';
import {
  claimDue,
  markFailed,
  markRetry,
  markSent,
  releaseUnsent,
  type ClaimedMail,
  type Hold,
} from '../infra/outbox-dispatch.repository';
import { decideAfterFailure } from './retry-policy';
import { writeUntilDeadline } from './write-until-deadline';

export interface DispatchResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  /** Claimed but not started while the lease still had room: given back, due again at once. */
  released: number;
  /** Outcomes not recorded because the row was no longer ours (its lease ran out, another took it). */
  lost: number;
  /** Outcomes the database did not take before the lease ended (it was away): due again after it. */
  unrecorded: number;
}

export interface DispatchOptions {
  batch?: number;
  leaseSeconds?: number;
  /** Checked before each send: true stops starting new ones (shutdown); the rest is given back. */
  shouldStop?: () => boolean;
}

type Outcome =
  { kind: 'sent' } | { kind: 'retry'; availableAt: Date; error: string } | { kind: 'failed'; error: string };

const holdOf = (row: ClaimedMail): Hold => ({ id: row.id, attempts: row.attempts });

/**
 * Sends due mail_outbox rows. A claim (short transaction, SKIP LOCKED) takes rows with a lease
 * and attempts+1; then one lane per SMTP connection sends them one at a time, outside any
 * transaction, and writes each outcome as soon as it is known, before its next message. So at any
 * moment a worker has at most one delivered-but-unrecorded message per connection, and that is
 * all a crash can repeat (with the same Message-ID, so the receiving server can drop the copy).
 *
 * A claim never outlives its lease: sends start only in the lease's first half (rows whose turn
 * comes later are given back at once), the claim is sized from how long sends have been taking,
 * and an outcome write the database refuses is retried until the lease ends, never after (another
 * worker may own the row by then). docs/decisions/0016-dispatch-leases.md has the arithmetic.
 */
@Injectable()
export class OutboxDispatcher {
  private readonly logger = new Logger(OutboxDispatcher.name);
  /** Moving average of one send's duration on the clock; undefined until the first send. */
  private averageSendMs?: number;

  constructor(
    private readonly db: SqlDatabase,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(DISPATCH_SETTINGS) private readonly settings: DispatchSettings,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async dispatchOnce(options: DispatchOptions = {}): Promise<DispatchResult> {
    const leaseMs = (options.leaseSeconds ?? this.settings.leaseSeconds) * 1000;
    const claimedAt = this.clock.now();
    const leaseUntil = new Date(claimedAt.getTime() + leaseMs);
    const startBy = claimedAt.getTime() + leaseMs / 2;
    const size = this.claimSize(options.batch ?? this.settings.batch, leaseMs / 2);
    const rows = await this.db.transaction((sql) => claimDue(sql, claimedAt, leaseUntil, size));
    const result: DispatchResult = {
      claimed: rows.length,
      ...{ sent: 0, retried: 0, failed: 0, released: 0, lost: 0, unrecorded: 0 },
    };
    if (rows.length === 0) return result;

    const queue = [...rows];
    let release: Promise<void> | undefined;
    const lane = async () => {
      for (let row = queue.shift(); row; row = queue.shift()) {
        if (options.shouldStop?.() || this.clock.now().getTime() >= startBy) {
          // Too late in the lease (or stopping): give this row and every unstarted one back now.
          const unstarted = [row, ...queue.splice(0)].map(holdOf);
          release = this.release(unstarted, leaseUntil, result);
          return;
        }
        await this.deliver(row, leaseUntil, result);
      }
    };
    const lanes = Array.from({ length: Math.min(this.settings.connections, rows.length) }, lane);
    const settled = await Promise.allSettled(lanes);
    await release;
    const defect = settled.find((outcome) => outcome.status === 'rejected');
    if (defect) throw defect.reason;
    if (result.lost || result.unrecorded) {
      this.logger.warn(
        { lost: result.lost, unrecorded: result.unrecorded, leaseSeconds: leaseMs / 1000 },
        'some outcomes were not recorded; those rows are due again after the lease',
      );
    }
    return result;
  }

  /**
   * Rows per claim: as many as the connections can start in the lease's first half at the pace
   * sends have been taking (all of `batch` while they are quick or not yet measured).
   */
  claimSize(batch: number, sendWindowMs: number): number {
    if (!this.averageSendMs) return batch;
    const perConnection = Math.max(1, Math.ceil(sendWindowMs / this.averageSendMs));
    return Math.min(batch, this.settings.connections * perConnection);
  }

  private async deliver(row: ClaimedMail, leaseUntil: Date, result: DispatchResult): Promise<void> {
    // Claimed again and again with the lease running out: something kills workers on this row.
    if (row.attempts > this.settings.maxAttempts) {
      const error = `lease expired on ${row.attempts - 1} attempts (worker died?)`;
      return this.record(row, { kind: 'failed', error }, leaseUntil, result);
    }
    const started = this.clock.now().getTime();
    let outcome: Outcome;
    try {
      await this.transport.send(this.outgoing(row));
      outcome = { kind: 'sent' };
    } catch (error) {
      const random = this.settings.random ?? Math.random;
      const decision = decideAfterFailure(
        sendFailureOf(error),
        row.attempts,
        this.settings.maxAttempts,
        this.settings.backoff,
        random(),
      );
      if (decision.action === 'retry') {
        const availableAt = new Date(this.clock.now().getTime() + decision.delayMs);
        outcome = { kind: 'retry', availableAt, error: decision.reason };
      } else {
        this.logger.warn(
          { outboxId: row.id, kind: row.kind, attempts: row.attempts, reason: decision.reason },
          'mail failed; not retrying',
        );
        outcome = { kind: 'failed', error: decision.reason };
      }
    }
    this.observeSend(this.clock.now().getTime() - started);
    await this.record(row, outcome, leaseUntil, result);
  }

  /** Writes one outcome now (retried while the database is away, until the lease ends). */
  private async record(
    row: ClaimedMail,
    outcome: Outcome,
    leaseUntil: Date,
    result: DispatchResult,
  ): Promise<void> {
    const hold = holdOf(row);
    const sql = this.db.query;
    const written = await writeUntilDeadline(() => {
      if (outcome.kind === 'sent') return markSent(sql, [hold], leaseUntil, this.clock.now());
      if (outcome.kind === 'retry') return markRetry(sql, [{ ...hold, ...outcome }], leaseUntil);
      return markFailed(sql, [{ ...hold, error: outcome.error }], leaseUntil);
    }, this.writeOptions(leaseUntil));
    if (!written.written) {
      result.unrecorded += 1;
      this.logger.warn(
        { outboxId: row.id, outcome: outcome.kind, tries: written.attempts, err: written.error },
        'outcome not recorded before the lease ended (database unreachable)',
      );
      return;
    }
    // 0 rows: another worker owns the row now (or an earlier try of this write went through).
    if (written.value === 0) result.lost += 1;
    else if (outcome.kind === 'sent') result.sent += 1;
    else if (outcome.kind === 'retry') result.retried += 1;
    else result.failed += 1;
  }

  private async release(holds: Hold[], leaseUntil: Date, result: DispatchResult): Promise<void> {
    const written = await writeUntilDeadline(
      () => releaseUnsent(this.db.query, holds, leaseUntil),
      this.writeOptions(leaseUntil),
    );
    // Not written: those rows were never sent; they are simply due again when the lease ends.
    if (written.written) result.released += written.value;
  }

  private writeOptions(deadline: Date) {
    return {
      deadline,
      clock: this.clock,
      backoff: this.settings.writeBackoff,
      random: this.settings.random ?? Math.random,
    };
  }

  private observeSend(durationMs: number): void {
    this.averageSendMs =
      this.averageSendMs === undefined ? durationMs : 0.8 * this.averageSendMs + 0.2 * durationMs;
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
}

/** The row's own Message-ID if it has one (bracketed as RFC 5322 wants), else one made from its id. */
export function messageIdFor(row: { id: string; message_id: string | null }, domain: string): string {
  const own = row.message_id?.trim();
  if (!own) return `<${row.id}@${domain}>`;
  return own.startsWith('<') ? own : `<${own}>`;
}
