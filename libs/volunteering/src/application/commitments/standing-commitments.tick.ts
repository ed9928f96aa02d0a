import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { StandingCommitmentsUseCase } from './standing-commitments.use-case';

/**
 * Worker tick: standing commitments take the occurrences that became open to them (sign-up
 * opened, or materialised by another process), least recently visited first. Idempotent: an
 * occurrence acted on is recorded and not tried again.
 */
@Injectable()
export class StandingCommitmentsTick {
  private readonly logger = new Logger(StandingCommitmentsTick.name);

  constructor(private readonly commitments: StandingCommitmentsUseCase) {}

  @Interval(10 * 60_000)
  async tick(): Promise<void> {
    try {
      const acted = await this.commitments.applyDue();
      if (acted) this.logger.log(`standing commitments acted on ${acted} occurrence(s)`);
    } catch (error) {
      this.logger.warn({ err: error }, 'standing commitments pass failed; retrying next tick');
    }
  }
}
