import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@linli/platform';
import { DEFAULT_DISPATCH, DISPATCH_SETTINGS, type DispatchSettings } from './dispatch-settings';
import { createMailTransport, MAIL_TRANSPORT, type MailTransport } from './mail-transport';
import { OutboxDispatcher } from './outbox-dispatcher';
import { OutboxDispatchTick } from './outbox-dispatch.tick';

export function dispatchSettingsFrom(config: AppConfig): DispatchSettings {
  return {
    ...DEFAULT_DISPATCH,
    from: config.mail.from,
    maxAttempts: config.mail.maxAttempts,
    leaseSeconds: config.mail.leaseSeconds,
    connections: config.mail.poolSize,
  };
}

/** The dispatcher and its transport (SMTP_URL, else the dev mailbox), configured from AppConfig. */
@Module({
  providers: [
    {
      provide: MAIL_TRANSPORT,
      useFactory: (config: AppConfig): MailTransport =>
        createMailTransport({
          smtpUrl: config.mail.smtpUrl,
          poolSize: config.mail.poolSize,
          leaseSeconds: config.mail.leaseSeconds,
          dataDir: config.dataDir,
        }),
      inject: [APP_CONFIG],
    },
    { provide: DISPATCH_SETTINGS, useFactory: dispatchSettingsFrom, inject: [APP_CONFIG] },
    OutboxDispatcher,
  ],
  exports: [OutboxDispatcher, MAIL_TRANSPORT, DISPATCH_SETTINGS],
})
export class DispatchModule implements OnApplicationShutdown {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: MailTransport) {}

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

/** For the worker (WorkerTasksModule): the dispatcher plus its one-second tick. */
@Module({ imports: [DispatchModule], providers: [OutboxDispatchTick] })
export class DispatchWorkerModule {}
