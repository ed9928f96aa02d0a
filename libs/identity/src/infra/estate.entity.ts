import {
  Check,
  Entity,
  Filter,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { tenantFilter } from '@linli/platform';
import { Community } from './community.entity';

/** 小区: a residential estate the vehicles visit and people live in. */
@Entity({ tableName: 'estate' })
@Filter(tenantFilter)
@Unique({ properties: ['community', 'name'] })
@Check({ name: 'estate_households_not_negative', expression: 'households >= 0' })
@Check({
  name: 'estate_coordinates_valid',
  expression: 'abs(latitude) <= 90::double precision and abs(longitude) <= 180::double precision',
})
export class Estate {
  /** Defaulted on create, so factories and use cases need not give them. */
  declare [OptionalProps]?: 'id' | 'active' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Community, { deleteRule: 'cascade' })
  community!: Community;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  address?: string;

  @Property({ type: 'double', nullable: true })
  latitude?: number;

  @Property({ type: 'double', nullable: true })
  longitude?: number;

  @Property({ type: 'integer', nullable: true })
  households?: number;

  @Property({ type: 'text', nullable: true })
  notes?: string;

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
