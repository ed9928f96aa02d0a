import { EntityClass, platformEntities } from '@linli/platform';
import { EventCursor, MailOutbox } from '@linli/platform';
import { identityEntities } from '@linli/identity';
import { volunteeringEntities } from '@linli/volunteering';
import { holidaysEntities } from '@linli/holidays';
import { calendarEntities } from '@linli/calendar';
import { calendarInviteEntities } from '@linli/calendar';
import { remindersEntities } from '@linli/reminders';

/** Every context's entities, composed once for the ORM, the migration scripts and the tests. */
export const allEntities: EntityClass[] = [
  ...platformEntities,
  ...identityEntities,
  ...holidaysEntities,
  ...volunteeringEntities,
  ...calendarEntities,
  // Invites by email: the event consumers' cursors, queued mail, who was invited to what.
  EventCursor,
  MailOutbox,
  ...calendarInviteEntities,
  ...remindersEntities,
];
