import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { OutboxDispatcher } from './outbox-dispatcher';

/** Full batches one tick works through at most before yielding to the next tick. */
const MAX_BATCHES_PER_TICK = 50;

/**
 * Worker tick: every second, send what is due. The ticker only wakes the dispatcher; due work
 * lives in mail_outbox, so any number of workers can tick side by side. A tick still busy when
 * the next fires is not doubled up.
 */
@Injectable()
export class OutboxDispatchTick {
  private readonly logger = new Logger(OutboxDispatchTick.name);
  private running = false;

  constructor(private readonly dispatcher: OutboxDispatcher) {}

  @Interval(1_000)
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let i = 0; i < MAX_BATCHES_PER_TICK; i++) {
        const result = await this.dispatcher.dispatchOnce();
        if (result.sent || result.failed) this.logger.log(result, 'mail dispatched');
        if (result.claimed === 0) break;
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'mail dispatch failed; retrying next tick');
    } finally {
      this.running = false;
    }
  }
}
