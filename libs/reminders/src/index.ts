/** Reminders: per-person preferences, community digest settings, scheduling into mail_outbox. */
export { REMINDERS_ERRORS, type RemindersErrorCode } from './domain/reminders-errors';
export { remindersEntities } from './infra/reminders.entities';
export { RemindersModule } from './reminders.module';
export { RemindersApiModule } from './api/reminders-api.module';
export {
  NotificationScheduler,
  NOTIFICATION_KINDS,
  UNSUBSCRIBABLE_KINDS,
  type NotificationKind,
  type ScheduledNotification,
  type CancelSelection,
} from './application/notification-scheduler';
export { ReminderProjector, REMINDER_CONSUMER, REMINDER_EVENTS } from './application/reminder-projector';
export { OrganiserDigestTick } from './application/organiser-digest.tick';
export {
  ReservationReleaseNoticeTick,
  RELEASE_NOTICE_LEAD_MINUTES,
} from './application/reservation-release-notice.tick';
export { ReminderPreferencesService } from './application/reminder-preferences.service';
export { planReminders, type ReminderPlanInput, type PlannedReminder } from './domain/reminder-plan';
/** Dispatch: sends mail_outbox rows (DispatchWorkerModule in the worker, DispatchApiModule for organisers). */
export { DispatchModule, DispatchWorkerModule, dispatchSettingsFrom } from './dispatch/dispatch.module';
export { DispatchApiModule } from './api/dispatch-api.module';
export { OutboxDispatcher, type DispatchResult } from './dispatch/outbox-dispatcher';
export { OutboxDispatchTick } from './dispatch/outbox-dispatch.tick';
export { DISPATCH_SETTINGS, DEFAULT_DISPATCH, type DispatchSettings } from './dispatch/dispatch-settings';
export {
  MAIL_TRANSPORT,
  createMailTransport,
  FileMailboxTransport,
  SmtpMailTransport,
  type MailTransport,
  type OutgoingMail,
} from './dispatch/mail-transport';
export { remindersContext } from './reminders.context';
