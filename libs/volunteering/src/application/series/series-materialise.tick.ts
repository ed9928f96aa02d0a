import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { EntityManager, RequestContext } from '@mikro-orm/core';
import { Clock, scopeToCommunity } from '@linli/platform';
import { seriesDueForMaterialisation } from '../../infra/series-shifts.repository';
import { ShiftSeriesService } from './shift-series.service';

/**
 * Worker tick: every ten minutes, series whose shifts do not reach the horizon get the next ones.
 * Each series in its own unit of work (a forked, community-scoped EntityManager) and locked with
 * SKIP LOCKED, so any number of workers share the work and each shift is created once.
 */
@Injectable()
export class SeriesMaterialiseTick {
  private readonly logger = new Logger(SeriesMaterialiseTick.name);

  constructor(
    private readonly em: EntityManager,
    private readonly series: ShiftSeriesService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Interval(10 * 60_000)
  async tick(): Promise<void> {
    try {
      const created = await this.run();
      if (created) this.logger.log(`materialised ${created} shift(s) from series`);
    } catch (error) {
      this.logger.warn({ err: error }, 'series materialisation failed; retrying next tick');
    }
  }

  /** One pass over the series most behind; answers how many shifts were created. */
  async run(limit = 100): Promise<number> {
    const now = this.clock.now();
    const due = await seriesDueForMaterialisation(this.em.fork(), now, limit);
    let created = 0;
    for (const row of due) {
      const em = this.em.fork();
      scopeToCommunity(em, row.community_id);
      try {
        const result = await RequestContext.create(em, () =>
          this.series.materialise(row.community_id, row.id, now, { wait: false }),
        );
        created += result.created.length;
      } catch (error) {
        this.logger.warn({ err: error, seriesId: row.id }, 'could not materialise a series');
      }
    }
    return created;
  }
}
