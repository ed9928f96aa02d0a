import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261201025905_scope_kinds_contributed } from './Migration20261201025905_scope_kinds_contributed';

/** calendar's migrations since contexts keep their own (earlier ones: libs/platform/src/database/migrations). */
export const calendarMigrations: MigrationObject[] = [
  {
    name: 'Migration20261201025905_scope_kinds_contributed',
    class: Migration20261201025905_scope_kinds_contributed,
  },
];
