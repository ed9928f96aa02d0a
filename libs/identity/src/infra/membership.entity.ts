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
import { MEMBERSHIP_ROLES, MembershipRole } from '../domain/membership-role';
import { Community } from './community.entity';
import { Person } from './person.entity';
import { PartnerOrganisation } from './partner-organisation.entity';

/** A person belonging to a partner organisation, as member or coordinator. */
@Entity({ tableName: 'membership' })
@Filter(tenantFilter)
@Unique({ properties: ['community', 'organisation', 'person'] })
export class Membership {
  /** Defaulted on create, so factories and use cases need not give them. */
  declare [OptionalProps]?: 'id' | 'role' | 'active' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Community, { deleteRule: 'cascade' })
  community!: Community;

  @ManyToOne(() => Person, { deleteRule: 'cascade', index: true })
  person!: Person;

  @ManyToOne(() => PartnerOrganisation, { deleteRule: 'cascade' })
  organisation!: PartnerOrganisation;

  @Enum({ items: () => MEMBERSHIP_ROLES, type: 'text' })
  role: MembershipRole = 'member';

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
