import { Inject, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '@linli/platform';

export interface UnsubscribeClaim {
  communityId: string;
  personId: string;
  kind: string;
}

/**
 * Signed unsubscribe links: HMAC-SHA256 over (community, person, kind) with a key derived from the
 * JWT secret (or the local secret file the API keeps without one), so a link works without login
 * and cannot be forged for someone else. No expiry: an unsubscribe link in an old mail still works.
 */
@Injectable()
export class UnsubscribeTokens {
  private key?: Buffer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  sign(claim: UnsubscribeClaim): string {
    const body = Buffer.from(JSON.stringify([claim.communityId, claim.personId, claim.kind])).toString(
      'base64url',
    );
    return `${body}.${this.mac(body)}`;
  }

  /** The claim, or null for anything not signed by us. */
  verify(token: string): UnsubscribeClaim | null {
    const [body, mac, extra] = token.split('.');
    if (!body || !mac || extra !== undefined) return null;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const [communityId, personId, kind] = JSON.parse(
        Buffer.from(body, 'base64url').toString('utf8'),
      ) as string[];
      if (typeof communityId !== 'string' || typeof personId !== 'string' || typeof kind !== 'string')
        return null;
      return { communityId, personId, kind };
    } catch {
      return null;
    }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret()).update(`unsubscribe:${body}`).digest('base64url');
  }

  private secret(): Buffer {
    if (!this.key) {
      const file = join(this.config.dataDir, 'jwt.secret');
      const base =
        this.config.auth.jwtSecret ?? (existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined);
      if (!base) throw new Error('no secret for unsubscribe links: set JWT_SECRET');
      this.key = createHmac('sha256', base).update('linli-unsubscribe-v1').digest();
    }
    return this.key;
  }
}
