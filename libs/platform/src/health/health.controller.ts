import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { ApiDoc } from '../openapi/api-doc.decorator';
import { PROBLEM_CONTENT_TYPE, problemFor } from '../errors';
import { ReadinessProbe } from './readiness-probe';
import { ShutdownState } from './shutdown-state';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly probe: ReadinessProbe,
    private readonly shutdown: ShutdownState,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  @HttpCode(200)
  @ApiDoc('Liveness: the process answers · 存活检查')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Readiness: not shutting down, the database answers within a second on the probe's own
   * connection, and every committed migration is applied.
   */
  @Get('ready')
  @ApiDoc('Readiness: the database answers and is migrated · 就绪检查', 'SERVICE_UNAVAILABLE')
  async ready(@Res({ passthrough: true }) res: Response): Promise<unknown> {
    const readiness = this.shutdown.shuttingDown ? undefined : await this.probe.check();
    // Checked again after the database answered: a shutdown that began meanwhile wins.
    const detail = this.shutdown.shuttingDown
      ? 'Shutting down'
      : readiness?.ready === false && readiness.reason === 'migrations-pending'
        ? `${readiness.pending} migration(s) pending: run npm run db:migrate`
        : readiness?.ready === false
          ? 'The database does not answer'
          : undefined;
    if (!detail) return { status: 'ok', database: 'up', migrations: 'applied' };
    res.status(503).type(PROBLEM_CONTENT_TYPE);
    return problemFor('SERVICE_UNAVAILABLE', detail);
  }
}
