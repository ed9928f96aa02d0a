import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { APP_CONFIG, Actor, ApiDoc, AppConfig, CurrentActor } from '@linli/platform';
import { CommunityZones } from '@linli/identity';
import {
  CalendarSubscriptionsService,
  IssuedSubscription,
} from '../application/calendar-subscriptions.service';
import { mapSubscription } from './calendar-subscription.mapper';
import {
  CreateSubscriptionRequest,
  IssuedSubscriptionDto,
  IssuedSubscriptionResponse,
  ListSubscriptionsQuery,
  SubscriptionDto,
  SubscriptionIdParam,
  SubscriptionPageDto,
  SubscriptionResponse,
} from './calendar-subscription.schema';
import { feedBaseUrl, subscriptionLinks } from './subscription-links';

/** Answers carrying a feed URL hold a secret: never stored by browsers or proxies. */
const NO_STORE = ['Cache-Control', 'no-store'] as const;

@ApiTags('calendar 日历订阅')
@ApiBearerAuth()
@Controller('v1/calendar-subscriptions')
export class CalendarSubscriptionsController {
  constructor(
    private readonly subscriptions: CalendarSubscriptionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly zones: CommunityZones,
  ) {}

  /**
   * A personal feed URL. Volunteers: their own shifts; coordinators: themselves or their
   * organisation; organisers: any person, organisation, estate, venue or the whole community.
   * The URL is in this answer only.
   */
  @Post()
  @Header(...NO_STORE)
  @ApiDoc('Subscribe to a calendar: the feed URL and QR codes · 订阅日历', 'NOT_FOUND', 'FORBIDDEN')
  @ApiCreatedResponse({ type: IssuedSubscriptionDto.Output })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateSubscriptionRequest,
    @Req() request: Request,
  ): Promise<IssuedSubscriptionResponse> {
    return this.issued(actor, await this.subscriptions.create(actor, body), request);
  }

  /** Yours (organisers: the community's), without URLs. Revoked ones with includeRevoked=true. */
  @Get()
  @ApiDoc('List calendar subscriptions (without their URLs) · 日历订阅列表')
  @ApiOkResponse({ type: SubscriptionPageDto.Output })
  async list(@CurrentActor() actor: Actor, @Query() query: ListSubscriptionsQuery) {
    const page = await this.subscriptions.list(actor, query);
    const zone = await this.zones.of(actor.communityId);
    return { ...page, items: page.items.map((subscription) => mapSubscription(subscription, zone)) };
  }

  /** A new URL for the same calendar; the old URL stops working (empty calendar, then 410 Gone). */
  @Post(':id/rotate')
  @HttpCode(200)
  @Header(...NO_STORE)
  @ApiDoc('A new URL for the same calendar; the old one stops · 更换订阅链接', 'NOT_FOUND', 'CONFLICT')
  @ApiOkResponse({ type: IssuedSubscriptionDto.Output })
  async rotate(
    @CurrentActor() actor: Actor,
    @Param() { id }: SubscriptionIdParam,
    @Req() request: Request,
  ): Promise<IssuedSubscriptionResponse> {
    return this.issued(actor, await this.subscriptions.rotate(actor, id), request);
  }

  @Delete(':id')
  @ApiDoc('Revoke a calendar subscription · 停用日历订阅', 'NOT_FOUND')
  @ApiOkResponse({ type: SubscriptionDto.Output })
  async revoke(
    @CurrentActor() actor: Actor,
    @Param() { id }: SubscriptionIdParam,
  ): Promise<SubscriptionResponse> {
    const revoked = await this.subscriptions.revoke(actor, id);
    return mapSubscription(revoked, await this.zones.of(actor.communityId));
  }

  private async issued(
    actor: Actor,
    issued: IssuedSubscription,
    request: Request,
  ): Promise<IssuedSubscriptionResponse> {
    const base = feedBaseUrl(request, this.config.feeds.publicBaseUrl);
    const zone = await this.zones.of(actor.communityId);
    return {
      ...mapSubscription(issued.subscription, zone),
      ...(await subscriptionLinks(base, issued.token)),
    };
  }
}
