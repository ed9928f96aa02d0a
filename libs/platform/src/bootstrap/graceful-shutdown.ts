import { INestApplication, INestApplicationContext, Logger } from '@nestjs/common';
import type { Server } from 'node:http';
import { ShutdownState } from '../health/shutdown-state';
import { HttpDrain } from './http-drain';

/**
 * An API's graceful stop (docs/decisions/0020-graceful-shutdown.md). Create it before the app
 * listens (its HttpDrain must see every request). On a signal the process lifecycle runs
 * `stopServing()` (readiness 503 at once, then the HTTP drain, at most `graceSeconds`), then
 * `closeApp()` (worker ticks finishing what they started, pools; at most `graceSeconds` again),
 * then stops the embedded PostgreSQL.
 */
export class GracefulShutdown {
  private readonly drain: HttpDrain;
  private readonly logger = new Logger('Shutdown');

  constructor(
    private readonly app: INestApplication,
    private readonly graceSeconds: number,
  ) {
    this.drain = new HttpDrain(app.getHttpServer() as Server);
  }

  async stopServing(): Promise<void> {
    this.app.get(ShutdownState, { strict: false }).begin();
    this.logger.log(
      `Not ready; no new connections; ${this.drain.inFlight} request(s) in flight get up to ${this.graceSeconds}s`,
    );
    const { cut } = await this.drain.drain(this.graceSeconds * 1_000);
    if (cut) {
      this.logger.warn(
        `${cut} request(s) unanswered after ${this.graceSeconds}s: their connections were closed`,
      );
    } else {
      this.logger.log('Every request answered; all connections closed');
    }
  }

  closeApp(): Promise<void> {
    return closeWithin(this.app, this.graceSeconds * 1_000, this.logger);
  }
}

/**
 * `app.close()` (worker ticks, pools), waiting at most `waitMs`: a pool ends only once its
 * connections are back, so a statement stuck behind a lock would hold the process forever. After
 * that the process goes on without it (and exits, which ends those connections).
 */
export async function closeWithin(
  app: INestApplicationContext,
  waitMs: number,
  logger: Pick<Logger, 'warn'> = new Logger('Shutdown'),
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), waitMs)));
  const closed = app.close().then(() => 'closed' as const);
  const outcome = await Promise.race([closed, late]).finally(() => clearTimeout(timer));
  if (outcome === 'late') {
    logger.warn(
      `The application did not close within ${waitMs / 1_000}s (work still using the database); stopping without it`,
    );
  }
}
