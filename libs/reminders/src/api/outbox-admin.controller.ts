import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Page, Roles } from '@linli/platform';
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
  constructor(private readonly outbox: OutboxAdminService) {}

  /** The community's outgoing mail: due, sending, sent, failed (with the reason) or cancelled. */
  @Get()
  @ApiOkResponse({ type: OutboxPageDto.Output })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: OutboxListQuery,
  ): Promise<Page<OutboxMessageResponse>> {
    const page = await this.outbox.list(actor.communityId, query);
    return { ...page, items: page.items.map(mapOutboxMessage) };
  }

  /** A failed message goes out again: attempts from zero, due now. 409 for any other status. */
  @Post(':id/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: OutboxMessageDto.Output })
  async retry(@CurrentActor() actor: Actor, @Param() { id }: OutboxIdParam): Promise<OutboxMessageResponse> {
    return mapOutboxMessage(await this.outbox.retry(actor.communityId, id));
  }
}
