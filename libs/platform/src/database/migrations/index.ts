import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128230554_initial } from './Migration20261128230554_initial';

/** Every committed migration, in order. `npm run db:migration:create` appends here. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261128230554_initial', class: Migration20261128230554_initial },
];
