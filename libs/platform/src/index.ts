export * from './config/app-config';
export { APP_CONFIG, ConfigModule } from './config/config.module';
export * from './clock/clock';
export * from './errors';
export * from './auth/actor';
export * from './auth/auth.decorators';
export { TokenService } from './auth/token.service';
export { SessionCheck, SessionStore, SESSION_CACHE_MS } from './auth/session-check';
export * from './tenancy/tenant-filter';
export * from './paging/paging';
export { configureHttp } from './http/configure-http';
export { SESSION_COOKIE_PATH } from './http/origin-check';
export { openDatabase } from './database/open-database';
export type { EmbeddedDatabase } from './database/embedded-postgres';
export { ormOptions, type EntityClass } from './database/orm-options';
export { applyPendingMigrations, pendingMigrations } from './database/migrate';
export { PlatformModule, platformEntities, type PlatformOptions } from './platform.module';
export { LOGIN_THROTTLERS } from './throttling/login-throttle';
export { ThrottleBucketCleanup } from './throttling/throttle-bucket-cleanup.task';
export { prepareDatabase, stopCleanlyOnSignals } from './bootstrap/process-lifecycle';
export { GracefulShutdown, closeWithin } from './bootstrap/graceful-shutdown';
export { ShutdownState } from './health/shutdown-state';
export { platformMigrations } from './database/migrations';
export { inTransaction, isConnectionFailure, isTransient } from './database/transaction';
export { recordEvents, type DomainEvent } from './events/event-outbox';
export { Idempotent, IdempotencyInterceptor } from './idempotency/idempotent.interceptor';
/** Prometheus metrics (docs/decisions/0019): register counters and scrape-time gauges on `Metrics`. */
export { Metrics } from './metrics/metrics';
export { MetricsServer } from './metrics/metrics-server';
/** The one raw-SQL idiom (docs/decisions/0012-one-sql-idiom.md): only infra/ files use these. */
export { sqlIn, type Sql } from './database/sql';
export { isUuid, uuidLiteral, uuidArray } from './database/sql-values';
export { SqlDatabase, type SqlTransactionOptions } from './database/sql-database';
export { PreparedStatement } from './database/prepared-statement';
export { consumeEvents, type ConsumeOptions, type ConsumeResult } from './events/event-consumer';
export {
  defineEvents,
  pickEvents,
  eventPayload,
  type EventContracts,
  type ContractEvent,
} from './events/event-contract';
export { ParkedEvent } from './events/parked-event.entity';
export { composeContexts, type LinliContext, type ComposedContexts } from './contexts/linli-context';
export { EventCursor } from './events/event-cursor.entity';
export { MailOutbox, MAIL_STATUSES, type MailStatus } from './mail/mail-outbox.entity';
/** Instants in answers: RFC 3339 in a named zone with its offset (docs/decisions/0017). */
export { formatInstant, formatOptionalInstant, offsetAt } from './time/zoned-instant';
export { instantInput, zonedInstant, timeZoneName, timeZoneInput, isTimeZone } from './time/instant.schema';
export { ApiDoc } from './openapi/api-doc.decorator';
