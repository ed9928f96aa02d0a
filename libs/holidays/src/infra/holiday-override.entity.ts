import {
  Check,
  Entity,
  Enum,
  Filter,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { tenantFilter } from '@linli/platform';
import type { Community } from '@linli/identity';
import { OVERRIDE_KINDS, type OverrideKind } from '../domain/holiday-day';

/**
 * An organiser's word on one date, over the bundled State Council data: a day off, a make-up
 * workday, or `normal` to cancel a bundled entry. Entered by hand or by importing a year.
 */
@Entity({ tableName: 'holiday_override' })
@Filter(tenantFilter)
@Unique({ properties: ['community', 'date'] })
@Check({ name: 'holiday_override_name_present', expression: "btrim(name) <> ''" })
@Check({
  name: 'holiday_override_date_in_range',
  expression: "date >= '2000-01-01' and date <= '2100-12-31'",
})
export class HolidayOverride {
  /** Defaulted on create, so factories and use cases need not give them. */
  declare [OptionalProps]?: 'id' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  // By name: the entity class stays inside identity; only its type crosses the context boundary.
  @ManyToOne({ entity: 'Community', deleteRule: 'cascade' })
  community!: Community;

  /** Local date, `2026-10-01` (a DATE column, read back as that string). */
  @Property({ type: 'date' })
  date!: string;

  @Enum({ items: () => OVERRIDE_KINDS, type: 'text' })
  kind!: OverrideKind;

  /** e.g. 国庆节 */
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
