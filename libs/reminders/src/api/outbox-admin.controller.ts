import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, ApiDoc, CurrentActor, Page, Roles } from '@linli/platform';
import { CommunityZones } from '@linli/identity';
import { OutboxAdminService } from '../dispatch/outbox-admin.service';
import { mapOutboxMessage } from './outbox-admin.mapper';
import {
  OutboxIdParam,
  OutboxListQuery,
  OutboxMessageDto,
  OutboxPageDto,
  type OutboxMessageResponse,
} from './outbox-admin.schema';

@ApiTags('outbox 邮件发件箱')
@ApiBearerAuth()
@Roles('organiser')
@Controller('v1/outbox')
export class OutboxAdminController {
  constructor(
    private readonly outbox: OutboxAdminService,
    private readonly zones: CommunityZones,
  ) {}

  /** The community's outgoing mail: due, sending, sent, failed (with the reason) or cancelled. */
  @Get()
  @ApiDoc("The community's outgoing mail: what was sent, failed and why · 发件箱")
  @ApiOkResponse({ type: OutboxPageDto.Output })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: OutboxListQuery,
  ): Promise<Page<OutboxMessageResponse>> {
    const page = await this.outbox.list(actor.communityId, query);
    const zone = await this.zones.of(actor.communityId);
    return { ...page, items: page.items.map((row) => mapOutboxMessage(row, zone)) };
  }

  /** A failed message goes out again: attempts from zero, due now. 409 for any other status. */
  @Post(':id/retry')
  @HttpCode(200)
  @ApiDoc('Send a failed message again · 重发失败的邮件', 'NOT_FOUND', 'CONFLICT')
  @ApiOkResponse({ type: OutboxMessageDto.Output })
  async retry(@CurrentActor() actor: Actor, @Param() { id }: OutboxIdParam): Promise<OutboxMessageResponse> {
    const row = await this.outbox.retry(actor.communityId, id);
    return mapOutboxMessage(row, await this.zones.of(actor.communityId));
  }
}
