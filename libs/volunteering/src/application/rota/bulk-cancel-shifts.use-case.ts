import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Clock, TENANT_FILTER } from '@linli/platform';
import { Shift } from '../../infra/shift.entity';
import {
  BulkOutcome,
  ShiftRange,
  assertBulkSize,
  bulkSelection,
  MAX_BULK_SHIFTS,
} from './bulk-shift-selection';
import { ShiftsService } from '../shifts/shifts.service';

/**
 * Rain, an emergency: cancels every open shift in a time range at a place. Each shift goes through
 * ShiftsService.cancel in its own transaction (claims cancelled, reservations ended, a
 * ShiftCancelled event naming everyone affected). A cancellation cannot fail for a business
 * reason, and each one leaves a consistent state, so if the request dies half-way a retry simply
 * cancels the rest.
 */
@Injectable()
export class BulkCancelShiftsUseCase {
  constructor(
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
    private readonly shifts: ShiftsService,
  ) {}

  async execute(communityId: string, range: ShiftRange, reason: string): Promise<BulkOutcome[]> {
    const targets = await this.em.fork().find(Shift, bulkSelection(communityId, range, this.clock.now()), {
      orderBy: { startsAt: 'asc', id: 'asc' },
      limit: MAX_BULK_SHIFTS + 1,
      filters: { [TENANT_FILTER]: { communityId } },
    });
    assertBulkSize(targets.length);
    const outcomes: BulkOutcome[] = [];
    for (const target of targets) {
      const { shift, affected } = await this.shifts.cancel(communityId, target.id, reason);
      outcomes.push({ shift, affectedPersonIds: affected });
    }
    return outcomes;
  }
}
