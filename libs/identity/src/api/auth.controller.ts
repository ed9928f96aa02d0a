import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Actor, ApiDoc, CurrentActor, LOGIN_THROTTLERS, Public, Roles } from '@linli/platform';
import { loginThrottleKey } from '../domain/login-name';
import { LoginUseCase } from '../application/login.use-case';
import { MeService } from '../application/me.service';
import { AccountsService } from '../application/accounts.service';
import { CommunityZones } from '../application/community-zones';
import { mapAccount } from './identity.mapper';
import { REFRESH_COOKIE_HEADER, setRefreshCookie } from './refresh-cookie';
import {
  AccountDto,
  AccountPageDto,
  AccountResponse,
  CreateAccountRequest,
  ListAccountsQuery,
  LoginRequest,
  LoginResponse,
  LoginResponseDto,
  MeDto,
  MeResponse,
  UpdateAccountRequest,
} from './auth.schema';
import { IdParam } from './common.schema';

@ApiTags('auth 登录')
@Controller('v1')
export class AuthController {
  constructor(
    private readonly login: LoginUseCase,
    private readonly me: MeService,
    private readonly accounts: AccountsService,
    private readonly zones: CommunityZones,
  ) {}

  /**
   * Limited per client address and per login name, the name read as login reads it (so respelling a
   * phone number gets no fresh counter); the counters live in PostgreSQL. Starts a browser session:
   * its refresh token goes in a cookie (clients without cookies use the access token alone).
   */
  @Post('auth/login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({
    [LOGIN_THROTTLERS.perAccount]: {
      getTracker: (req: { body?: { login?: unknown } }) => loginThrottleKey(req.body?.login),
    },
  })
  @HttpCode(200)
  @ApiDoc('Sign in · 登录', 'INVALID_CREDENTIALS', 'TOO_MANY_REQUESTS', 'ORIGIN_NOT_ALLOWED')
  @ApiOkResponse({ type: LoginResponseDto.Output, headers: REFRESH_COOKIE_HEADER })
  async signIn(
    @Body() body: LoginRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse> {
    const { answer, refresh } = await this.login.execute(body.login, body.password);
    setRefreshCookie(req, res, refresh);
    return answer;
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiDoc('Who I am: account, community, person, organisation · 当前用户')
  @ApiOkResponse({ type: MeDto.Output })
  whoAmI(@CurrentActor() actor: Actor): Promise<MeResponse> {
    return this.me.describe(actor);
  }

  @Post('accounts')
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiDoc('Create a login · 新建账号', 'REFERENCE_INVALID', 'ALREADY_EXISTS')
  @ApiCreatedResponse({ type: AccountDto.Output })
  async createAccount(
    @CurrentActor() actor: Actor,
    @Body() body: CreateAccountRequest,
  ): Promise<AccountResponse> {
    const account = await this.accounts.create(actor, body);
    return mapAccount(account, await this.zones.of(actor.communityId));
  }

  @Get('accounts')
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiDoc('List logins · 账号列表')
  @ApiOkResponse({ type: AccountPageDto.Output })
  async listAccounts(@CurrentActor() actor: Actor, @Query() query: ListAccountsQuery) {
    const page = await this.accounts.list(actor, query);
    const zone = await this.zones.of(actor.communityId);
    return { ...page, items: page.items.map((account) => mapAccount(account, zone)) };
  }

  /** Disable (or enable) a login; disabling ends its access tokens at once. */
  @Patch('accounts/:id')
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiDoc('Disable or enable a login · 停用或启用账号', 'NOT_FOUND', 'CONFLICT')
  @ApiOkResponse({ type: AccountDto.Output })
  async updateAccount(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() body: UpdateAccountRequest,
  ): Promise<AccountResponse> {
    const account = await this.accounts.update(actor, id, body);
    return mapAccount(account, await this.zones.of(actor.communityId));
  }
}
