import {
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
import { PARTNER_KIND_VALUES, PartnerKind } from '../domain/partner-kind';
import { Community } from './community.entity';

/** 六社联动伙伴: a partner organisation that claims shifts and puts its members on them. */
@Entity({ tableName: 'partner_organisation' })
@Filter(tenantFilter)
@Unique({ properties: ['community', 'name'] })
export class PartnerOrganisation {
  /** Defaulted on create, so factories and use cases need not give them. */
  declare [OptionalProps]?: 'id' | 'active' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Community, { deleteRule: 'cascade' })
  community!: Community;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => PARTNER_KIND_VALUES, type: 'text' })
  kind!: PartnerKind;

  @Property({ type: 'text', nullable: true })
  contactName?: string;

  @Property({ type: 'text', nullable: true })
  contactPhone?: string;

  @Property({ type: 'text', nullable: true })
  contactEmail?: string;

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
