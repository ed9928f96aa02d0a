import { createSecretKey, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { z } from 'zod';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/app-config';
import { Actor, ROLES } from './actor';

const claimsSchema = z.object({
  sub: z.string(),
  cid: z.string(),
  role: z.enum(ROLES),
  pid: z.string().optional(),
  oid: z.string().optional(),
  ver: z.number().int().min(0).optional(),
});

/** Issues and checks short-lived HS256 access tokens. */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.jwt = new JwtService({
      // A KeyObject, made once: given a string, jsonwebtoken re-derives a key on every verify.
      secret: createSecretKey(
        Buffer.from(config.auth.jwtSecret ?? localSecret(config.dataDir)),
      ) as unknown as string,
      signOptions: { algorithm: 'HS256', expiresIn: config.auth.accessTokenTtlSeconds, issuer: 'linli' },
      verifyOptions: { algorithms: ['HS256'], issuer: 'linli' },
    });
  }

  get ttlSeconds(): number {
    return this.config.auth.accessTokenTtlSeconds;
  }

  issue(actor: Actor): string {
    return this.jwt.sign({
      sub: actor.accountId,
      cid: actor.communityId,
      role: actor.role,
      pid: actor.personId,
      oid: actor.organisationId,
      ver: actor.tokenVersion ?? 0,
    });
  }

  /**
   * The actor, or undefined for a token that is malformed, forged or expired. Whether the session is
   * still good (not revoked) is SessionCheck's question, asked by the AuthGuard.
   */
  verify(token: string): Actor | undefined {
    try {
      const claims = claimsSchema.parse(this.jwt.verify(token));
      return {
        accountId: claims.sub,
        communityId: claims.cid,
        role: claims.role,
        personId: claims.pid,
        organisationId: claims.oid,
        tokenVersion: claims.ver ?? 0,
      };
    } catch {
      return undefined;
    }
  }
}

/**
 * Without JWT_SECRET (allowed outside production), a random secret is kept in the data directory so
 * tokens survive restarts and every process on this machine agrees on it.
 */
function localSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt.secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
