import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261201025600_identity_published_views } from './Migration20261201025600_identity_published_views';
import { Migration20261201040000_identity_session_version } from './Migration20261201040000_identity_session_version';
import { Migration20261201061812_browser_sessions } from './Migration20261201061812_browser_sessions';

/** identity's migrations since contexts keep their own (earlier ones: libs/platform/src/database/migrations). */
export const identityMigrations: MigrationObject[] = [
  {
    name: 'Migration20261201025600_identity_published_views',
    class: Migration20261201025600_identity_published_views,
  },
  {
    name: 'Migration20261201040000_identity_session_version',
    class: Migration20261201040000_identity_session_version,
  },
  { name: 'Migration20261201061812_browser_sessions', class: Migration20261201061812_browser_sessions },
];
