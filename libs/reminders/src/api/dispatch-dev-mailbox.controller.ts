import { Controller, Get, Header, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type Actor, type AppConfig, CurrentActor, Roles, notFound } from '@linli/platform';
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
  ) {}

  /** Newest first: subject, recipient, date and the .eml file. */
  @Get()
  @ApiOkResponse({ type: MailboxPageDto.Output })
  list(@CurrentActor() actor: Actor, @Query() query: MailboxListQuery) {
    this.requireServed();
    const { items, total } = this.mailbox.list(actor.communityId, query.page, query.pageSize);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** The raw message (RFC 5322) as it would have been sent. */
  @Get(':id')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiProduces('text/plain')
  read(@CurrentActor() actor: Actor, @Param() { id }: OutboxIdParam): string {
    this.requireServed();
    return this.mailbox.read(actor.communityId, id);
  }

  private requireServed(): void {
    if (!this.config.mail.devMailbox) throw notFound('Route');
  }
}
