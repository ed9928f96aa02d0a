import { Module } from '@nestjs/common';
import { IdentityModule } from '@linli/identity';
import { DevMailbox } from '../dispatch/dev-mailbox';
import { OutboxAdminService } from '../dispatch/outbox-admin.service';
import { DevMailboxController } from './dispatch-dev-mailbox.controller';
import { OutboxAdminController } from './outbox-admin.controller';

/** Mail's HTTP face for organisers: /api/v1/outbox and /api/v1/dev/mailbox. */
@Module({
  imports: [IdentityModule],
  providers: [OutboxAdminService, DevMailbox],
  controllers: [OutboxAdminController, DevMailboxController],
})
export class DispatchApiModule {}
