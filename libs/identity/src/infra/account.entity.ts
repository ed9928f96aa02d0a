import { Check, Entity, Enum, Filter, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { ROLES, Role, tenantFilter } from '@linli/platform';
import { Community } from './community.entity';
import { Person } from './person.entity';
import { PartnerOrganisation } from './partner-organisation.entity';

/**
 * A login. Email and phone are unique across the platform (lower-cased email, digits-only phone),
 * so a login needs no community name; unique indexes are in the migration.
 */
@Entity({ tableName: 'account' })
@Filter(tenantFilter)
@Check({ name: 'account_login_present', expression: 'email is not null or phone is not null' })
@Check({
  name: 'account_coordinator_has_organisation',
  expression: "(role = 'coordinator') = (organisation_id is not null)",
})
@Check({ name: 'account_person_unless_organiser', expression: "role = 'organiser' or person_id is not null" })
export class Account {
  /** Defaulted on create, so factories and use cases need not give them. */
  declare [OptionalProps]?: 'id' | 'active' | 'tokenVersion' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Community, { deleteRule: 'cascade' })
  community!: Community;

  @Property({ type: 'text', nullable: true, unique: true })
  email?: string;

  @Property({ type: 'text', nullable: true, unique: true })
  phone?: string;

  @Property({ type: 'text', hidden: true })
  passwordHash!: string;

  @Enum({ items: () => ROLES, type: 'text' })
  role!: Role;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict', index: true })
  person?: Person;

  /** The organisation a coordinator account coordinates. */
  @ManyToOne(() => PartnerOrganisation, { nullable: true, deleteRule: 'restrict' })
  organisation?: PartnerOrganisation;

  @Property({ type: 'boolean' })
  active: boolean = true;

  /**
   * Access tokens carry the version they were issued under; raising it (disabling the account,
   * deactivating or removing its person) ends them all at once (platform's SessionCheck).
   */
  @Property({ type: 'integer', default: 0 })
  tokenVersion: number = 0;

  @Property({ type: 'datetime', nullable: true })
  lastLoginAt?: Date;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
