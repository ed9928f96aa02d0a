import type { LinliContext } from '@linli/platform';
import { holidaysEntities } from './infra/holidays.entities';
import { HOLIDAYS_ERRORS } from './domain/holidays-errors';
import { HolidaysApiModule } from './api/holidays-api.module';

/** China's holiday calendar per community, and the recurrence preview. */
export const holidaysContext: LinliContext = {
  name: 'holidays',
  entities: holidaysEntities,
  migrations: [],
  errorCodes: HOLIDAYS_ERRORS,
  api: HolidaysApiModule,
};
