import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiDoc, DomainError, Public } from '@linli/platform';
import { BrowserSessions } from '../application/browser-sessions';
import { LoginResponse, LoginResponseDto } from './auth.schema';
import {
  REFRESH_COOKIE_HEADER,
  clearRefreshCookie,
  refreshCookieOf,
  setRefreshCookie,
} from './refresh-cookie';

/**
 * The browser session's two cookie-authenticated endpoints. No bearer token: the refresh cookie is
 * the credential, held by SameSite=Strict and by platform's origin check (403 ORIGIN_NOT_ALLOWED).
 */
@ApiTags('auth 登录')
@Controller('v1/auth')
export class BrowserSessionsController {
  constructor(private readonly sessions: BrowserSessions) {}

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiDoc(
    'Renew the access token from the refresh cookie · 续期登录',
    'REFRESH_TOKEN_INVALID',
    'REFRESH_TOKEN_REUSED',
    'ORIGIN_NOT_ALLOWED',
  )
  @ApiOperation({
    description:
      'Sends no body; the browser sends the `linli_refresh` cookie that sign-in set. Answers as sign-in ' +
      'does, with the next refresh token in the cookie: each refresh token is good once. A used one ' +
      'presented again ends the session and signs the account out everywhere (`REFRESH_TOKEN_REUSED`). ' +
      'Call one refresh at a time per browser. 每个续期凭证只能使用一次。',
  })
  @ApiOkResponse({ type: LoginResponseDto.Output, headers: REFRESH_COOKIE_HEADER })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    try {
      const { answer, refresh } = await this.sessions.refresh(refreshCookieOf(req));
      setRefreshCookie(req, res, refresh);
      return answer;
    } catch (error) {
      // A refused cookie is worthless: drop it, so the browser stops sending it.
      if (error instanceof DomainError && error.code.startsWith('REFRESH_TOKEN_'))
        clearRefreshCookie(req, res);
      throw error;
    }
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiDoc('Sign out: end this browser session · 退出登录', 'ORIGIN_NOT_ALLOWED')
  @ApiOperation({
    description:
      'Ends the session of the `linli_refresh` cookie and clears the cookie; always 204, signed in or ' +
      'not. Access tokens already issued live out their lifetime (15 minutes by default): the client forgets its own.',
  })
  @ApiNoContentResponse({ description: 'Signed out; the cookie is cleared · 已退出' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.sessions.end(refreshCookieOf(req));
    clearRefreshCookie(req, res);
  }
}
