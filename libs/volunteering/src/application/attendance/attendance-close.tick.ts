import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { AttendanceUseCase } from './attendance.use-case';

/** Worker tick: every five minutes, check-ins nobody checked out of are completed once check-out has closed. */
@Injectable()
export class AttendanceCloseTick {
  private readonly logger = new Logger(AttendanceCloseTick.name);

  constructor(private readonly attendance: AttendanceUseCase) {}

  @Interval(5 * 60_000)
  async tick(): Promise<void> {
    try {
      const closed = await this.attendance.closeOpenCheckIns();
      if (closed) this.logger.log(`completed ${closed} claim(s) left checked in`);
    } catch (error) {
      this.logger.warn({ err: error }, 'closing open check-ins failed; retrying next tick');
    }
  }
}
