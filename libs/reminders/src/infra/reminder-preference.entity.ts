import { ArrayType, Check, Entity, Filter, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { tenantFilter } from '@linli/platform';
import type { Community, Person } from '@linli/identity';

/** Postgres int[] read back as numbers (ArrayType alone hydrates strings). */
const intArray = new ArrayType<number>((value) => Number(value));

/**
 * One person's reminder settings. Absent row: the defaults (24 h and 2 h before, quiet 22:00–07:00).
 */
@Entity({ tableName: 'reminder_preference' })
@Filter(tenantFilter)
@Unique({ properties: ['community', 'person'] })
@Check({
  name: 'reminder_preference_quiet_hhmm',
  expression:
    "quiet_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and quiet_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'",
})
@Check({
  name: 'reminder_preference_offsets_bounded',
  expression: 'coalesce(array_length(offsets_minutes, 1), 0) <= 5',
})
export class ReminderPreference {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: 'Community', deleteRule: 'cascade' })
  community!: Community;

  @ManyToOne({ entity: 'Person', deleteRule: 'cascade' })
  person!: Person;

  /** Minutes before the shift start; each 5..20160. */
  @Property({ type: intArray, columnType: 'int[]', defaultRaw: `'{1440,120}'` })
  offsetsMinutes: number[] = [1440, 120];

  @Property({ type: 'text', default: '22:00' })
  quietStart: string = '22:00';

  @Property({ type: 'text', default: '07:00' })
  quietEnd: string = '07:00';

  /** Non-essential kinds the person opted out of, e.g. `shift_reminder`. */
  @Property({ type: ArrayType, columnType: 'text[]', defaultRaw: `'{}'` })
  unsubscribedKinds: string[] = [];

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
