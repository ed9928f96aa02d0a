import { sqlIn } from '../database/sql';
import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MikroORM } from '@mikro-orm/core';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { pendingMigrations } from '../database/migrate';
import { PROBLEM_CONTENT_TYPE, problemFor } from '../errors';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly orm: MikroORM) {}

  /** Liveness: the process answers. */
  @Get()
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the database answers and every committed migration is applied. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<unknown> {
    try {
      await sqlIn(this.orm.em)('SELECT 1');
      const pending = await pendingMigrations(this.orm);
      if (pending.length === 0) return { status: 'ok', database: 'up', migrations: 'applied' };
      res.status(503).type(PROBLEM_CONTENT_TYPE);
      return problemFor(
        'SERVICE_UNAVAILABLE',
        `${pending.length} migration(s) pending: run npm run db:migrate`,
      );
    } catch {
      res.status(503).type(PROBLEM_CONTENT_TYPE);
      return problemFor('SERVICE_UNAVAILABLE', 'The database does not answer');
    }
  }
}
