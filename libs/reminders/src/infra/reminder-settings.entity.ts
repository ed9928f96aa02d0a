import { Check, Entity, OneToOne, Property } from '@mikro-orm/core';
import type { Community } from '@linli/identity';

/** A community's reminder rules. Absent row: the defaults (digest at 18:00, enabled). */
@Entity({ tableName: 'reminder_settings' })
@Check({
  name: 'reminder_settings_digest_time_hhmm',
  expression: "digest_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'",
})
export class ReminderSettings {
  @OneToOne({ entity: 'Community', primary: true, deleteRule: 'cascade' })
  community!: Community;

  /** Local time (community zone) the organisers' daily digest is due. */
  @Property({ type: 'text', default: '18:00' })
  digestTime: string = '18:00';

  @Property({ type: 'boolean', default: true })
  digestEnabled: boolean = true;

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
