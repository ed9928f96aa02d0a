import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Actor, CurrentActor, Public, Roles } from '@linli/platform';
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
} from './auth.schema';

@ApiTags('auth 登录')
@Controller('v1')
export class AuthController {
  constructor(
    private readonly login: LoginUseCase,
    private readonly me: MeService,
    private readonly accounts: AccountsService,
  ) {}

  /** Limited per client address and per login name; the counters live in PostgreSQL. */
  @Post('auth/login')
  @Public()
  @UseGuards(ThrottlerGuard)
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
}
