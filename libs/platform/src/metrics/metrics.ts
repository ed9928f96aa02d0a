import { Inject, Injectable } from '@nestjs/common';
import {
  Counter,
  type CounterConfiguration,
  Gauge,
  type GaugeConfiguration,
  Histogram,
  Registry,
  collectDefaultMetrics,
} from 'prom-client';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';

/** Request latency buckets, in seconds: a claim answers in milliseconds, a large export in seconds. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The process's Prometheus metrics (prom-client), on a registry of its own so that two
 * applications in one process (tests) never share series. Contexts register their own counters
 * and scrape-time gauges here (`counter`, `gauge`). Collected only when metrics are served
 * (METRICS_PORT): otherwise the HTTP middleware is not installed and nothing reads the registry.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  readonly enabled: boolean;
  /** Every answer: its count is the request rate, by route pattern, method and status. */
  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status'>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.enabled = config.metrics.port !== undefined;
    // Process CPU, memory, event-loop delay and GC: cheap, and what an operator looks at first.
    if (this.enabled) collectDefaultMetrics({ register: this.registry });
    this.httpRequestDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP answers by route pattern (never the raw path), method and status; _count is the request rate',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers: [this.registry],
    });
  }

  /** A counter on this registry; asking twice for one name gives the same counter. */
  counter<L extends string>(config: Omit<CounterConfiguration<L>, 'registers'>): Counter<L> {
    const existing = this.registry.getSingleMetric(config.name);
    if (existing) return existing as Counter<L>;
    return new Counter({ ...config, registers: [this.registry] });
  }

  /** A gauge on this registry (give it `collect` to compute it at scrape time); same name, same gauge. */
  gauge<L extends string>(config: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L> {
    const existing = this.registry.getSingleMetric(config.name);
    if (existing) return existing as Gauge<L>;
    return new Gauge({ ...config, registers: [this.registry] });
  }
}
