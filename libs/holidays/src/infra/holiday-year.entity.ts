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

export const HOLIDAY_YEAR_SOURCES = ['import'] as const;
export type HolidayYearSource = (typeof HOLIDAY_YEAR_SOURCES)[number];

/**
 * A year whose schedule an organiser imported: the calendar then counts it as known even before a
 * release bundles it (the State Council publishes next year's schedule each November).
 */
@Entity({ tableName: 'holiday_year' })
@Filter(tenantFilter)
@Unique({ properties: ['community', 'year'] })
@Check({ name: 'holiday_year_in_range', expression: 'year >= 2000 and year <= 2100' })
export class HolidayYear {
  /** Defaulted on create, so factories and use cases need not give them. */
  declare [OptionalProps]?: 'id' | 'source';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: 'Community', deleteRule: 'cascade' })
  community!: Community;

  @Property({ type: 'smallint' })
  year!: number;

  @Enum({ items: () => HOLIDAY_YEAR_SOURCES, type: 'text' })
  source: HolidayYearSource = 'import';

  @Property({ type: 'datetime' })
  importedAt!: Date;
}
