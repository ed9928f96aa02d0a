import { Module } from '@nestjs/common';
import { NotificationScheduler } from '../application/notification-scheduler';
import { ReminderPreferencesService } from '../application/reminder-preferences.service';
import { ShiftReminders } from '../application/shift-reminders';
import { UnsubscribeTokens } from '../application/unsubscribe-token';
import { ReminderPreferencesRepository } from '../infra/reminder-preferences.repository';
import { ReminderPreferencesController } from './reminder-preferences.controller';

/** Reminder preferences, digest settings and the unsubscribe link (no ticks: those are the worker's). */
@Module({
  controllers: [ReminderPreferencesController],
  providers: [
    ReminderPreferencesService,
    ReminderPreferencesRepository,
    UnsubscribeTokens,
    ShiftReminders,
    NotificationScheduler,
  ],
})
export class RemindersApiModule {}
