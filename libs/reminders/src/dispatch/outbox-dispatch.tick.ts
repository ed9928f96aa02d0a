import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { isConnectionFailure } from '@linli/platform';
import { OutboxDispatcher } from './outbox-dispatcher';

/** Full batches one tick works through at most before yielding to the next tick. */
const MAX_BATCHES_PER_TICK = 50;

/**
 * Worker tick: every second, send what is due. The ticker only wakes the dispatcher; due work
 * lives in mail_outbox, so any number of workers can tick side by side. A tick still busy when
 * the next fires is not doubled up. On shutdown no new message is started, the ones in flight
 * finish and are recorded, and unstarted rows are given back (so a SIGTERM repeats nothing). A
 * database outage is logged once when it starts and once when it ends, not every second.
 */
@Injectable()
export class OutboxDispatchTick implements BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxDispatchTick.name);
  private running?: Promise<void>;
  private stopping = false;
  private databaseAway = false;

  constructor(private readonly dispatcher: OutboxDispatcher) {}

  @Interval(1_000)
  async tick(): Promise<void> {
    if (this.running || this.stopping) return;
    this.running = this.dispatchDue();
    try {
      await this.running;
    } finally {
      this.running = undefined;
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  private async dispatchDue(): Promise<void> {
    try {
      for (let i = 0; i < MAX_BATCHES_PER_TICK && !this.stopping; i++) {
        const result = await this.dispatcher.dispatchOnce({ shouldStop: () => this.stopping });
        this.databaseBack();
        if (result.sent || result.failed) this.logger.log(result, 'mail dispatched');
        if (result.claimed === 0) break;
      }
    } catch (error) {
      if (!isConnectionFailure(error)) {
        this.logger.warn({ err: error }, 'mail dispatch failed; retrying next tick');
      } else if (!this.databaseAway) {
        this.databaseAway = true;
        this.logger.warn({ err: error }, 'mail dispatch paused: the database does not answer');
      }
    }
  }

  private databaseBack(): void {
    if (!this.databaseAway) return;
    this.databaseAway = false;
    this.logger.log('mail dispatch resumed: the database answers again');
  }
}
