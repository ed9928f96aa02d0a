import { Controller, Get, Header, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  APP_CONFIG,
  type Actor,
  type AppConfig,
  ApiDoc,
  CurrentActor,
  Roles,
  formatInstant,
  notFound,
} from '@linli/platform';
import { CommunityZones } from '@linli/identity';
import { DevMailbox } from '../dispatch/dev-mailbox';
import { MailboxListQuery, MailboxPageDto, OutboxIdParam } from './outbox-admin.schema';

/**
 * Without SMTP_URL, mail is kept as .eml files under DATA_DIR/mail; organisers see their
 * community's here. 404 when SMTP_URL is set (mail really goes out then) and always in production
 * (whole messages carry unsubscribe links): `mail.devMailbox` in the configuration.
 */
@ApiTags('dev mailbox 本地邮箱')
@ApiBearerAuth()
@Roles('organiser')
@Controller('v1/dev/mailbox')
export class DevMailboxController {
  constructor(
    private readonly mailbox: DevMailbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly zones: CommunityZones,
  ) {}

  /** Newest first: subject, recipient, date and the .eml file. */
  @Get()
  @ApiDoc('Mail kept on this machine instead of sent (no SMTP_URL) · 本地邮箱', 'NOT_FOUND')
  @ApiOkResponse({ type: MailboxPageDto.Output })
  async list(@CurrentActor() actor: Actor, @Query() query: MailboxListQuery) {
    this.requireServed();
    const { items, total } = this.mailbox.list(actor.communityId, query.page, query.pageSize);
    const zone = await this.zones.of(actor.communityId);
    return {
      items: items.map((item) => ({
        ...item,
        date: item.date ? formatInstant(new Date(item.date), zone) : null,
        timeZone: zone,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The raw message (RFC 5322) as it would have been sent. */
  @Get(':id')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiDoc('One kept message, as it would have been sent (RFC 5322) · 查看本地邮件', 'NOT_FOUND')
  @ApiProduces('text/plain')
  read(@CurrentActor() actor: Actor, @Param() { id }: OutboxIdParam): string {
    this.requireServed();
    return this.mailbox.read(actor.communityId, id);
  }

  private requireServed(): void {
    if (!this.config.mail.devMailbox) throw notFound('Route');
  }
}
