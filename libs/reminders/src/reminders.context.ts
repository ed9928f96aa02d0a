import { Module } from '@nestjs/common';
import type { LinliContext } from '@linli/platform';
import { remindersEntities } from './infra/reminders.entities';
import { REMINDERS_ERRORS } from './domain/reminders-errors';
import { remindersMigrations } from './infra/migrations';
import { DispatchApiModule } from './api/dispatch-api.module';
import { RemindersApiModule } from './api/reminders-api.module';
import { DispatchWorkerModule } from './dispatch/dispatch.module';
import { RemindersModule } from './reminders.module';
import { OutboxMetricsModule } from './dispatch/outbox-metrics';

/** Organisers' outbox view and the dev mailbox; preferences, digest settings, unsubscribe. */
@Module({ imports: [DispatchApiModule, RemindersApiModule, OutboxMetricsModule] })
class RemindersHttpModule {}

/** Sending due mail (SKIP LOCKED, lease, retry); reminders from shift events; digests; release notices. */
@Module({ imports: [DispatchWorkerModule, RemindersModule, OutboxMetricsModule] })
class RemindersWorkerModule {}

export const remindersContext: LinliContext = {
  name: 'reminders',
  entities: remindersEntities,
  migrations: remindersMigrations,
  errorCodes: REMINDERS_ERRORS,
  api: RemindersHttpModule,
  worker: RemindersWorkerModule,
};
