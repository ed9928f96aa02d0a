export * from './config/app-config';
export { APP_CONFIG, ConfigModule } from './config/config.module';
export * from './clock/clock';
export * from './errors';
export * from './auth/actor';
export * from './auth/auth.decorators';
export { TokenService } from './auth/token.service';
export * from './tenancy/tenant-filter';
export * from './paging/paging';
export { configureHttp } from './http/configure-http';
export { openDatabase } from './database/open-database';
export type { EmbeddedDatabase } from './database/embedded-postgres';
export { ormOptions, type EntityClass } from './database/orm-options';
export { applyPendingMigrations, pendingMigrations } from './database/migrate';
export { PlatformModule, platformEntities, type PlatformOptions } from './platform.module';
export { LOGIN_THROTTLERS } from './throttling/login-throttle';
export { ThrottleBucketCleanup } from './throttling/throttle-bucket-cleanup.task';
export { prepareDatabase, stopCleanlyOnSignals } from './bootstrap/process-lifecycle';
export { migrationsList } from './database/migrations';
export { inTransaction, isTransient } from './database/transaction';
export { recordEvents, type DomainEvent } from './events/event-outbox';
export { Idempotent, IdempotencyInterceptor } from './idempotency/idempotent.interceptor';
export { inSqlTransaction, type Sql } from './database/sql-transaction';
export {
  consumeEvents,
  type ConsumeOptions,
  type ConsumeResult,
  type PublishedEvent,
} from './events/event-consumer';
export { EventCursor } from './events/event-cursor.entity';
export { MailOutbox, MAIL_STATUSES, type MailStatus } from './mail/mail-outbox.entity';
