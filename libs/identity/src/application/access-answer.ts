import { Injectable } from '@nestjs/common';
import { Actor, TokenService } from '@linli/platform';
import type { LoginResponse } from '../api/auth.schema';
import { MeService } from './me.service';

/** What sign-in and refresh both answer: a fresh access token and who it belongs to. */
@Injectable()
export class AccessAnswer {
  constructor(
    private readonly tokens: TokenService,
    private readonly me: MeService,
  ) {}

  async for(actor: Actor): Promise<LoginResponse> {
    return {
      accessToken: this.tokens.issue(actor),
      tokenType: 'Bearer',
      expiresIn: this.tokens.ttlSeconds,
      me: await this.me.describe(actor),
    };
  }
}
