import { EntityClass, platformEntities } from '@linli/platform';
import { identityEntities } from '@linli/identity';
import { volunteeringEntities } from '@linli/volunteering';
import { holidaysEntities } from '@linli/holidays';

/** Every context's entities, composed once for the ORM, the migration scripts and the tests. */
export const allEntities: EntityClass[] = [
  ...platformEntities,
  ...identityEntities,
  ...holidaysEntities,
  ...volunteeringEntities,
];
