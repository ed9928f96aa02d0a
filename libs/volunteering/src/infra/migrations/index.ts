import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261201035624_standing_commitments } from './Migration20261201035624_standing_commitments';
import { Migration20261201030000_volunteering_published_views } from './Migration20261201030000_volunteering_published_views';

/** volunteering's migrations since contexts keep their own (earlier ones: libs/platform/src/database/migrations). */
export const volunteeringMigrations: MigrationObject[] = [
  {
    name: 'Migration20261201030000_volunteering_published_views',
    class: Migration20261201030000_volunteering_published_views,
  },
  {
    name: 'Migration20261201035624_standing_commitments',
    class: Migration20261201035624_standing_commitments,
  },
];
