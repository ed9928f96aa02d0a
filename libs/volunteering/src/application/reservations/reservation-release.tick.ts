import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { ReservationsUseCase } from './reservations.use-case';

/** Worker tick: every minute, unassigned organisation places past their release time return to the pool. */
@Injectable()
export class ReservationReleaseTick {
  private readonly logger = new Logger(ReservationReleaseTick.name);

  constructor(private readonly reservations: ReservationsUseCase) {}

  @Interval(60_000)
  async tick(): Promise<void> {
    try {
      const released = await this.reservations.releaseDue();
      if (released) this.logger.log(`released ${released} reservation(s)`);
    } catch (error) {
      this.logger.warn({ err: error }, 'reservation release failed; retrying next tick');
    }
  }
}
