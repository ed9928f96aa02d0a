import { createHash } from 'node:crypto';
import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { Request, Response } from 'express';
import { Observable, from, lastValueFrom } from 'rxjs';
import { DomainError, ErrorCode, statusOf } from '../errors';
import { sqlIn } from '../database/sql';
import type { Actor } from '../auth/actor';

const KEY = /^[A-Za-z0-9._:-]{8,200}$/;
/** A claim older than this that never finished (its process died) may be taken over. */
const STALE_AFTER_MS = 60_000;

interface StoredError {
  code: ErrorCode;
  message: string;
  errors?: { field: string; message: string }[];
}

/**
 * `Idempotency-Key` on a POST: the first answer (success or coded refusal) is stored and a retry
 * with the same key gets it again without running the handler; the same key with a different
 * request answers 422. Keys belong to the caller's account.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly orm: MikroORM) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.headers['idempotency-key'];
    if (key === undefined || !request.actor) return next.handle();
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'Idempotency-Key must be 8-200 characters of A-Z a-z 0-9 . _ : -',
        [{ field: 'header.idempotency-key', message: 'invalid' }],
      );
    }
    return from(this.run(request.actor, key, request, response, next));
  }

  private async run(
    actor: Actor,
    key: string,
    request: Request,
    response: Response,
    next: CallHandler,
  ): Promise<unknown> {
    const hash = createHash('sha256')
      .update(`${request.method} ${request.originalUrl}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const sql = sqlIn(this.orm.em);
    const claimed = await sql<{ account_id: string }>(
      `INSERT INTO idempotency_record (account_id, key, community_id, request_hash, created_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (account_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = now()
         WHERE idempotency_record.response_status IS NULL AND idempotency_record.created_at < now() - make_interval(secs => $5)
           AND idempotency_record.request_hash = EXCLUDED.request_hash
       RETURNING account_id`,
      [actor.accountId, key, actor.communityId, hash, STALE_AFTER_MS / 1000],
    );
    if (claimed.length === 0) return this.replay(actor, key, hash, response);
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.store(actor, key, response.statusCode, body ?? null);
      return body;
    } catch (error) {
      if (error instanceof DomainError) {
        const stored: StoredError = { code: error.code, message: error.message, errors: error.errors };
        await this.store(actor, key, statusOf(error.code), { error: stored });
      } else {
        // Unexpected failures are not answers: free the key so a retry runs again.
        await sql(`DELETE FROM idempotency_record WHERE account_id = $1 AND key = $2`, [
          actor.accountId,
          key,
        ]);
      }
      throw error;
    }
  }

  private async replay(actor: Actor, key: string, hash: string, response: Response): Promise<unknown> {
    const [record] = await sqlIn(this.orm.em)<{
      request_hash: string;
      response_status: number | null;
      response_body: unknown;
    }>(
      `SELECT request_hash, response_status, response_body FROM idempotency_record WHERE account_id = $1 AND key = $2`,
      [actor.accountId, key],
    );
    if (!record)
      throw new DomainError('IDEMPOTENCY_IN_PROGRESS', 'Retry: the first request with this key is finishing');
    if (record.request_hash !== hash) {
      throw new DomainError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was used for a different request',
      );
    }
    if (record.response_status === null)
      throw new DomainError('IDEMPOTENCY_IN_PROGRESS', 'The first request with this key is still running');
    response.setHeader('Idempotent-Replayed', 'true');
    const body = record.response_body as { error?: StoredError } | null;
    if (body && typeof body === 'object' && 'error' in body && body.error) {
      throw new DomainError(body.error.code, body.error.message, body.error.errors);
    }
    response.status(record.response_status);
    return body;
  }

  private async store(actor: Actor, key: string, status: number, body: unknown): Promise<void> {
    await sqlIn(this.orm.em)(
      `UPDATE idempotency_record SET response_status = $1, response_body = $2::jsonb WHERE account_id = $3 AND key = $4`,
      [status, JSON.stringify(body), actor.accountId, key],
    );
  }
}

export const IDEMPOTENT = 'linli:idempotent';

/** Marks a POST as honouring Idempotency-Key (and documents the header). */
export function Idempotent(): MethodDecorator {
  return applyDecorators(SetMetadata(IDEMPOTENT, true), UseInterceptors(IdempotencyInterceptor));
}
