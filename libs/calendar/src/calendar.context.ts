import type { LinliContext } from '@linli/platform';
import { calendarEntities } from './infra/calendar.entities';
import { calendarInviteEntities } from './infra/calendar-invite.entity';
import { CALENDAR_ERRORS } from './domain/calendar-errors';
import { calendarMigrations } from './infra/migrations';
import { CalendarApiModule } from './api/calendar-api.module';
import { CalendarInvitesModule } from './calendar-invites.module';

/**
 * Feed subscriptions, /cal feeds and invites by email. Sources (`@CalendarSourceProvider()`) and
 * invite planners (`@InvitePlannerProvider()`) of other contexts are found at boot.
 */
export const calendarContext: LinliContext = {
  name: 'calendar',
  entities: [...calendarEntities, ...calendarInviteEntities],
  migrations: calendarMigrations,
  errorCodes: CALENDAR_ERRORS,
  api: CalendarApiModule.register(),
  worker: CalendarInvitesModule.register(),
};
