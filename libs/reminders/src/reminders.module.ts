import { Module } from '@nestjs/common';
import { NotificationScheduler } from './application/notification-scheduler';
import { OrganiserDigestTick } from './application/organiser-digest.tick';
import { ReminderPreferencesService } from './application/reminder-preferences.service';
import { ReminderProjector } from './application/reminder-projector';
import { ReservationReleaseNoticeTick } from './application/reservation-release-notice.tick';
import { ShiftReminders } from './application/shift-reminders';
import { UnsubscribeTokens } from './application/unsubscribe-token';
import { ReminderPreferencesRepository } from './infra/reminder-preferences.repository';

/** Scheduling side of reminders: the scheduler port and the worker's projector and ticks. */
@Module({
  providers: [
    NotificationScheduler,
    UnsubscribeTokens,
    ShiftReminders,
    ReminderProjector,
    OrganiserDigestTick,
    ReservationReleaseNoticeTick,
    ReminderPreferencesService,
    ReminderPreferencesRepository,
  ],
  exports: [
    NotificationScheduler,
    ReminderProjector,
    OrganiserDigestTick,
    ReservationReleaseNoticeTick,
    ReminderPreferencesService,
  ],
})
export class RemindersModule {}
