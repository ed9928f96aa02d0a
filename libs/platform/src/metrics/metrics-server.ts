import { createHash, timingSafeEqual } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { type ErrorCode, PROBLEM_CONTENT_TYPE, problemFor } from '../errors';
import { Metrics } from './metrics';

/**
 * `GET /metrics` in Prometheus text format on a listener of its own (METRICS_HOST:METRICS_PORT,
 * loopback by default), never on the public API port; with METRICS_TOKEN it also wants
 * `Authorization: Bearer <token>`. Off unless METRICS_PORT is set. Runs in every process that has
 * the platform (API and worker), started with the application and closed with it. ADR 0019.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server?: Server;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { port, host } = this.config.metrics;
    if (port === undefined) return;
    const server = createServer((req, res) => void this.answer(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const bound = this.address();
    this.logger.log(`Prometheus metrics on http://${host}:${bound?.port}/metrics`);
  }

  /** Where the listener is bound (with METRICS_PORT=0, the port the system chose). */
  address(): AddressInfo | undefined {
    const address = this.server?.address();
    return address && typeof address === 'object' ? address : undefined;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics') return problem(res, 'ROUTE_NOT_FOUND', 'Metrics are at /metrics');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return problem(res, 'METHOD_NOT_ALLOWED', 'Use GET');
    }
    if (!this.authorised(req.headers.authorization)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return problem(res, 'UNAUTHENTICATED', 'Send Authorization: Bearer <METRICS_TOKEN>');
    }
    try {
      const body = await this.metrics.registry.metrics();
      res.writeHead(200, { 'Content-Type': this.metrics.registry.contentType, 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      this.logger.error({ err: error }, 'Collecting metrics failed');
      problem(res, 'INTERNAL_ERROR', 'Collecting metrics failed');
    }
  }

  /** Without METRICS_TOKEN anyone who reaches the (loopback) listener may read; with it, the bearer must match. */
  private authorised(header: string | undefined): boolean {
    const token = this.config.metrics.token;
    if (!token) return true;
    const offered = /^Bearer (\S+)$/.exec(header ?? '')?.[1] ?? '';
    // Digests have one length, so the comparison takes the same time whatever was offered.
    return timingSafeEqual(digest(offered), digest(token));
  }
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

function problem(res: ServerResponse, code: ErrorCode, detail: string): void {
  const body = problemFor(code, detail, { instance: '/metrics' });
  res.writeHead(body.status, {
    'Content-Type': PROBLEM_CONTENT_TYPE,
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}
