import { composeContexts, platformEntities, platformMigrations, type LinliContext } from '@linli/platform';
import { identityContext } from '@linli/identity';
import { holidaysContext } from '@linli/holidays';
import { volunteeringContext } from '@linli/volunteering';
import { calendarContext } from '@linli/calendar';
import { remindersContext } from '@linli/reminders';

/**
 * The application's contexts: adding one is its folder under libs/ plus one line here
 * (docs/adding-a-context.md). Their entities, migrations, error codes, HTTP and worker modules
 * and demo seeds come from each context's own `<context>.context.ts`.
 */
export const CONTEXTS: LinliContext[] = [
  identityContext,
  holidaysContext,
  volunteeringContext,
  calendarContext,
  remindersContext,
];

export const application = composeContexts(CONTEXTS, {
  entities: platformEntities,
  migrations: platformMigrations,
});

/** Every table's entity, for the ORM, the migration scripts and the tests. */
export const allEntities = application.entities;
/** Every migration, in name order. */
export const allMigrations = application.migrations;
