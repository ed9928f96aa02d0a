import { Entity, OneToOne, Property } from '@mikro-orm/core';
import type { Community } from '@linli/identity';

/** A community's default rules; shifts and series override some of them. Absent row: the defaults. */
@Entity({ tableName: 'volunteering_settings' })
export class VolunteeringSettings {
  @OneToOne({ entity: 'Community', primary: true, deleteRule: 'cascade' })
  community!: Community;

  @Property({ type: 'integer' })
  signupOpensDays: number = 30;

  @Property({ type: 'integer' })
  cancelCutoffMinutes: number = 180;

  @Property({ type: 'integer' })
  minRestMinutes: number = 0;

  @Property({ type: 'integer' })
  maxMinutesPerDay: number = 600;

  @Property({ type: 'integer' })
  maxMinutesPerWeek: number = 2400;

  @Property({ type: 'integer' })
  releaseLeadMinutes: number = 24 * 60;

  @Property({ type: 'integer' })
  horizonWeeks: number = 8;
}
