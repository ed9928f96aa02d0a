import { Inject, Injectable, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { Clock, Metrics, SqlDatabase } from '@linli/platform';
import { type OutboxDepth, readOutboxDepth } from '../infra/outbox-depth.queries';

/** Today every notification goes by mail; the label leaves room for other channels. */
const CHANNEL = 'mail';

/**
 * The outbox on /metrics, computed when Prometheus scrapes (one query for all five gauges), never
 * per request or per send: its depth and the age of its oldest due row per channel, rows held by
 * a dispatcher, rows that failed and rows waiting to be retried. Read from the database, so every
 * process reports the same numbers however many workers there are (aggregate with max()).
 */
@Injectable()
export class OutboxMetrics implements OnModuleInit {
  private readonly logger = new Logger('Metrics');
  private reading?: Promise<OutboxDepth>;
  private failing = false;

  constructor(
    private readonly metrics: Metrics,
    private readonly db: SqlDatabase,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    if (!this.metrics.enabled) return;
    const gauge = (name: string, help: string, value: (depth: OutboxDepth, now: Date) => number) => {
      const metric = this.metrics.gauge({
        name,
        help,
        labelNames: ['channel'],
        collect: async () => {
          const depth = await this.depth();
          metric.reset();
          // Unknown while the database cannot be read: no sample rather than a stale one.
          if (depth) metric.set({ channel: CHANNEL }, value(depth, this.clock.now()));
        },
      });
    };
    gauge('linli_outbox_due_rows', 'Outbox depth: rows due to be sent now', (d) => d.due);
    gauge(
      'linli_outbox_oldest_due_age_seconds',
      'How long the longest-waiting due row has been due (0 when none)',
      (d, now) => (d.oldestDueAt ? Math.max(0, (now.getTime() - d.oldestDueAt.getTime()) / 1000) : 0),
    );
    gauge('linli_outbox_sending_rows', 'Rows a dispatcher holds under a live lease', (d) => d.sending);
    gauge(
      'linli_outbox_failed_rows',
      'Rows marked failed (dispatch failures awaiting an organiser)',
      (d) => d.failed,
    );
    gauge(
      'linli_outbox_retrying_rows',
      'Pending rows waiting for a retry after a failed attempt',
      (d) => d.retrying,
    );
  }

  private async depth(): Promise<OutboxDepth | undefined> {
    // One scrape starts every gauge's collect() at once: they share the query in flight.
    this.reading ??= readOutboxDepth(this.db.query, this.clock.now()).finally(() => {
      this.reading = undefined;
    });
    try {
      const depth = await this.reading;
      this.failing = false;
      return depth;
    } catch (error) {
      if (!this.failing) this.logger.warn({ err: error }, 'Reading the outbox for metrics failed');
      this.failing = true;
      return undefined;
    }
  }
}

/** Imported by both the HTTP and the worker side of reminders; Nest makes one instance per application. */
@Module({ providers: [OutboxMetrics] })
export class OutboxMetricsModule {}
