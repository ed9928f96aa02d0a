import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { Actor, CurrentActor, LOGIN_THROTTLERS, Public, Roles } from '@linli/platform';
import { loginThrottleKey } from '../domain/login-name';
import { LoginUseCase } from '../application/login.use-case';
import { MeService } from '../application/me.service';
import { AccountsService } from '../application/accounts.service';
import { mapAccount } from './identity.mapper';
import {
  AccountDto,
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
  ) {}

  /**
   * Limited per client address and per login name, the name read as login reads it (so respelling a
   * phone number gets no fresh counter); the counters live in PostgreSQL.
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
  @ApiOkResponse({ type: LoginResponseDto.Output })
  @ApiTooManyRequestsResponse({ description: 'TOO_MANY_REQUESTS' })
  signIn(@Body() body: LoginRequest): Promise<LoginResponse> {
    return this.login.execute(body.login, body.password);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto.Output })
  whoAmI(@CurrentActor() actor: Actor): Promise<MeResponse> {
    return this.me.describe(actor);
  }

  @Post('accounts')
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: AccountDto.Output })
  async createAccount(
    @CurrentActor() actor: Actor,
    @Body() body: CreateAccountRequest,
  ): Promise<AccountResponse> {
    return mapAccount(await this.accounts.create(actor, body));
  }

  @Get('accounts')
  @Roles('organiser')
  @ApiBearerAuth()
  async listAccounts(@CurrentActor() actor: Actor, @Query() query: ListAccountsQuery) {
    const page = await this.accounts.list(actor, query);
    return { ...page, items: page.items.map(mapAccount) };
  }

  /** Disable (or enable) a login; disabling ends its access tokens at once. */
  @Patch('accounts/:id')
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({ type: AccountDto.Output })
  async updateAccount(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() body: UpdateAccountRequest,
  ): Promise<AccountResponse> {
    return mapAccount(await this.accounts.update(actor, id, body));
  }
}
