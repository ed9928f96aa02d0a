import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261201025448_parked_events } from './Migration20261201025448_parked_events';
import { Migration20261129002910_reminders } from './Migration20261129002910_reminders';
import { Migration20261129001153_mail_outbox } from './Migration20261129001153_mail_outbox';
import { Migration20261129000910_calendar_subscriptions } from './Migration20261129000910_calendar_subscriptions';
import { Migration20261128233509_checkin_hours } from './Migration20261128233509_checkin_hours';
import { Migration20261128232827_volunteering } from './Migration20261128232827_volunteering';
import { Migration20261128230554_initial } from './Migration20261128230554_initial';
import { Migration20261128231842_holidays } from './Migration20261128231842_holidays';

/**
 * The migrations written before each context kept its own (they create tables of several
 * contexts); platform's shared tables add theirs here. Contexts list theirs in
 * libs/<context>/src/infra/migrations.
 */
export const platformMigrations: MigrationObject[] = [
  { name: 'Migration20261128230554_initial', class: Migration20261128230554_initial },
  { name: 'Migration20261128231842_holidays', class: Migration20261128231842_holidays },
  { name: 'Migration20261128232827_volunteering', class: Migration20261128232827_volunteering },
  { name: 'Migration20261128233509_checkin_hours', class: Migration20261128233509_checkin_hours },
  {
    name: 'Migration20261129000910_calendar_subscriptions',
    class: Migration20261129000910_calendar_subscriptions,
  },
  { name: 'Migration20261129001153_mail_outbox', class: Migration20261129001153_mail_outbox },
  { name: 'Migration20261129002910_reminders', class: Migration20261129002910_reminders },
  { name: 'Migration20261201025448_parked_events', class: Migration20261201025448_parked_events },
];
