import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261201025600_identity_published_views } from './Migration20261201025600_identity_published_views';

/** identity's migrations since contexts keep their own (earlier ones: libs/platform/src/database/migrations). */
export const identityMigrations: MigrationObject[] = [
  {
    name: 'Migration20261201025600_identity_published_views',
    class: Migration20261201025600_identity_published_views,
  },
];
