import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261201041500_reminders_published_views } from './Migration20261201041500_reminders_published_views';

/** reminders' migrations since contexts keep their own (earlier ones: libs/platform/src/database/migrations). */
export const remindersMigrations: MigrationObject[] = [
  {
    name: 'Migration20261201041500_reminders_published_views',
    class: Migration20261201041500_reminders_published_views,
  },
];
